package org.seqlearn.layers.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Runs schedules one after another, switching at the given epochs, like {@code
 * torch.optim.lr_scheduler.SequentialLR}: schedule {@code i} drives the rate from milestone
 * {@code i - 1} on, restarting from its own epoch 0 (its closed form at that epoch, so it starts
 * from the base rate). The usual use is a linear warm-up followed by a decay:
 *
 * <!-- given: Optimizer opt -->
 * <pre>{@code
 * LrScheduler sched = SequentialLr.warmupThen(opt, 500, 0.01,
 *     o -> new CosineAnnealingLr(o, 10_000, 1e-5));
 * }</pre>
 *
 * <p>The schedules must be created on the same optimizer, in order, immediately before this
 * one (their construction steps are undone, as in PyTorch).
 */
public final class SequentialLr extends LrScheduler {

  private final List<LrScheduler> schedules;
  private final int[] milestones;
  private int epoch;

  /**
   * @param schedules at least one schedule on {@code optimizer}
   * @param milestones {@code schedules.size() - 1} strictly increasing positive epochs
   * @throws IllegalArgumentException if the counts, the order or the optimizers do not match
   */
  public SequentialLr(Optimizer optimizer, List<LrScheduler> schedules, int... milestones) {
    super(optimizer);
    if (schedules == null || schedules.isEmpty()) {
      throw new IllegalArgumentException("sequential schedule needs at least one schedule");
    }
    if (milestones.length != schedules.size() - 1) {
      throw new IllegalArgumentException("expected " + (schedules.size() - 1)
          + " milestones for " + schedules.size() + " schedules, got " + milestones.length);
    }
    for (int i = 0; i < milestones.length; i++) {
      if (milestones[i] < 1 || (i > 0 && milestones[i] <= milestones[i - 1])) {
        throw new IllegalArgumentException("milestones must be positive and strictly "
            + "increasing, got " + Arrays.toString(milestones));
      }
    }
    for (int i = 0; i < schedules.size(); i++) {
      if (schedules.get(i).optimizer() != optimizer) {
        throw new IllegalArgumentException("schedule " + i + " belongs to another optimizer");
      }
    }
    this.schedules = new ArrayList<>(schedules);
    this.milestones = milestones.clone();
    optimizer.setLr(baseLr());
    for (LrScheduler s : this.schedules) {
      s.rewindEpoch();
    }
    LrScheduler first = this.schedules.get(0);
    first.initialStep();
    record(0, first.lastLr());
  }

  /**
   * A linear warm-up from {@code startFactor · base} to the base rate over {@code warmupSteps}
   * epochs, then the schedule made by {@code then} (created after the warm-up, as required).
   */
  public static SequentialLr warmupThen(Optimizer optimizer, int warmupSteps, double startFactor,
      Function<Optimizer, LrScheduler> then) {
    LinearLr warmup = new LinearLr(optimizer, startFactor, 1.0, warmupSteps);
    LrScheduler after = then.apply(optimizer);
    return new SequentialLr(optimizer, List.of(warmup, after), warmupSteps);
  }

  @Override
  public void step() {
    epoch++;
    int idx = 0;
    while (idx < milestones.length && milestones[idx] <= epoch) {
      idx++;
    }
    LrScheduler active = schedules.get(idx);
    if (idx > 0 && milestones[idx - 1] == epoch) {
      active.stepTo(0);
    } else {
      active.step();
    }
    record(epoch, active.lastLr());
  }

  @Override
  protected double chainedLr() {
    return currentLr();
  }
}
