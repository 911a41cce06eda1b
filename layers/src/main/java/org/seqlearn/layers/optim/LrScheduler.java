package org.seqlearn.layers.optim;

/**
 * Base of the learning-rate schedules, with PyTorch's {@code _LRScheduler} mechanics: creating a
 * schedule records the optimizer's initial learning rate (the base rate) and performs step 0,
 * which may already change the rate; then {@link #step()} is called once per epoch (or
 * iteration), after {@link Optimizer#step()}. Each step computes the new rate from the current
 * one (PyTorch's chainable form), so schedules see changes made by others.
 *
 * <!-- given: List<Tensor> params, java.util.function.Consumer<Optimizer> train -->
 * <pre>{@code
 * Optimizer opt = new Sgd(params, 0.1);
 * LrScheduler sched = new StepLr(opt, 30, 0.1);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   train.accept(opt);                // one epoch of optimizer steps
 *   sched.step();
 * }
 * }</pre>
 */
public abstract class LrScheduler {

  private final Optimizer optimizer;
  private final double baseLr;
  private int lastEpoch = -1;
  private int stepCount;
  private double lastLr;

  /**
   * Records the base rate (the optimizer's initial rate); subclasses call {@link #initialStep()}
   * at the end of their constructor.
   */
  protected LrScheduler(Optimizer optimizer) {
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer must not be null");
    }
    this.optimizer = optimizer;
    this.baseLr = optimizer.initialLr();
  }

  /** Performs step 0 (PyTorch's {@code _initial_step}). */
  protected final void initialStep() {
    stepCount = 0;
    step();
  }

  /** Advances one epoch and sets the optimizer's learning rate. */
  public void step() {
    stepCount++;
    lastEpoch++;
    apply(chainedLr());
  }

  /** Jumps to {@code epoch}, using the closed form where the schedule has one. */
  final void stepTo(int epoch) {
    stepCount++;
    lastEpoch = epoch;
    double closed = closedFormLr();
    apply(Double.isNaN(closed) ? chainedLr() : closed);
  }

  /** Sets the optimizer's rate and records it as the last one. */
  final void apply(double lr) {
    optimizer.setLr(lr);
    lastLr = lr;
  }

  /** The rate for {@link #lastEpoch()} from the optimizer's current rate. */
  protected abstract double chainedLr();

  /** The rate for {@link #lastEpoch()} from the base rate alone, or NaN if there is no formula. */
  protected double closedFormLr() {
    return Double.NaN;
  }

  /** The optimizer's current learning rate. */
  protected final double currentLr() {
    return optimizer.lr();
  }

  /** The learning rate set by the last step. */
  public final double lastLr() {
    return lastLr;
  }

  /** The epoch of the last step (0 after construction). */
  public final int lastEpoch() {
    return lastEpoch;
  }

  /** The optimizer's initial learning rate. */
  public final double baseLr() {
    return baseLr;
  }

  /** How many times this schedule has stepped (1 after construction). */
  protected final int stepCount() {
    return stepCount;
  }

  final Optimizer optimizer() {
    return optimizer;
  }

  /** Undoes one epoch without touching the rate (used by {@link SequentialLr}). */
  final void rewindEpoch() {
    lastEpoch--;
  }

  /** Moves to {@code epoch} and records {@code lr} without computing anything. */
  final void record(int epoch, double lr) {
    lastEpoch = epoch;
    lastLr = lr;
  }
}
