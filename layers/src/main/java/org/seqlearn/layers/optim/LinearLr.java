package org.seqlearn.layers.optim;

/**
 * Linear warm-up (or decay): scales the base rate by a factor moving linearly from {@code
 * startFactor} to {@code endFactor} over {@code totalIters} epochs, then constant, like {@code
 * torch.optim.lr_scheduler.LinearLR}:
 *
 * <pre>
 *   lr = base · (start + (end - start) · min(epoch, totalIters) / totalIters)
 * </pre>
 *
 * <p>Combine it with another schedule through {@link SequentialLr#warmupThen}.
 */
public final class LinearLr extends LrScheduler {

  private final double startFactor;
  private final double endFactor;
  private final int totalIters;

  /**
   * @param startFactor the factor at epoch 0, in {@code (0, 1]}
   * @param endFactor the factor from epoch {@code totalIters} on, in {@code [0, 1]}
   * @param totalIters epochs of the ramp, {@code >= 1}
   */
  public LinearLr(Optimizer optimizer, double startFactor, double endFactor, int totalIters) {
    super(optimizer);
    if (!(startFactor > 0 && startFactor <= 1)) {
      throw new IllegalArgumentException("start factor must be in (0, 1], got " + startFactor);
    }
    if (!(endFactor >= 0 && endFactor <= 1)) {
      throw new IllegalArgumentException("end factor must be in [0, 1], got " + endFactor);
    }
    if (totalIters < 1) {
      throw new IllegalArgumentException("total iterations must be >= 1, got " + totalIters);
    }
    this.startFactor = startFactor;
    this.endFactor = endFactor;
    this.totalIters = totalIters;
    initialStep();
  }

  @Override
  protected double chainedLr() {
    int epoch = lastEpoch();
    if (epoch == 0) {
      return currentLr() * startFactor;
    }
    if (epoch > totalIters) {
      return currentLr();
    }
    return currentLr() * (1.0 + (endFactor - startFactor)
        / (totalIters * startFactor + (epoch - 1) * (endFactor - startFactor)));
  }

  @Override
  protected double closedFormLr() {
    return baseLr() * (startFactor
        + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters);
  }
}
