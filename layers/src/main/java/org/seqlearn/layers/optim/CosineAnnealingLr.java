package org.seqlearn.layers.optim;

/**
 * Cosine annealing from the base rate down to {@code etaMin} over {@code tMax} epochs (and back
 * up over the next {@code tMax}, periodically), like {@code
 * torch.optim.lr_scheduler.CosineAnnealingLR}:
 *
 * <pre>
 *   lr = etaMin + (base - etaMin) · (1 + cos(π · epoch / tMax)) / 2
 * </pre>
 *
 * <p>Computed, like PyTorch, in the chainable form from the current rate.
 */
public final class CosineAnnealingLr extends LrScheduler {

  private final int tMax;
  private final double etaMin;

  /**
   * @param tMax epochs of one half-period, {@code >= 1}
   * @param etaMin the minimum learning rate, {@code >= 0}
   */
  public CosineAnnealingLr(Optimizer optimizer, int tMax, double etaMin) {
    super(optimizer);
    if (tMax < 1) {
      throw new IllegalArgumentException("tMax must be >= 1, got " + tMax);
    }
    this.tMax = tMax;
    this.etaMin = Optimizer.nonNegative("etaMin", etaMin);
    initialStep();
  }

  @Override
  protected double chainedLr() {
    int epoch = lastEpoch();
    if (epoch == 0) {
      return currentLr();
    }
    if (stepCount() == 1 && epoch > 0) {
      return closedFormLr();
    }
    if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
      return currentLr() + (baseLr() - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
    }
    return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
        * (currentLr() - etaMin) + etaMin;
  }

  @Override
  protected double closedFormLr() {
    return etaMin + (baseLr() - etaMin) * (1 + Math.cos(Math.PI * lastEpoch() / tMax)) / 2;
  }
}
