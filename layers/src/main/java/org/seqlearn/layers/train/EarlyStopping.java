package org.seqlearn.layers.train;

/**
 * Stops training when the monitored metric (the trainer's {@link Trainer#monitor}) has not
 * improved by more than {@code minDelta} for {@code patience} epochs in a row (Keras's {@code
 * EarlyStopping}); optionally restores the weights of the best epoch when training ends.
 */
public final class EarlyStopping {

  private final int patience;
  private final double minDelta;
  private final boolean restoreBestWeights;
  private double best;
  private int wait;

  /**
   * @param patience epochs without improvement before stopping, {@code >= 1}
   * @param minDelta how much better than the best a value must be to count, {@code >= 0}
   * @param restoreBestWeights whether to load the best epoch's weights at the end
   */
  public EarlyStopping(int patience, double minDelta, boolean restoreBestWeights) {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException("patience must be >= 1 and minDelta >= 0, got "
          + patience + " and " + minDelta);
    }
    this.patience = patience;
    this.minDelta = minDelta;
    this.restoreBestWeights = restoreBestWeights;
  }

  /** Epochs without improvement before stopping. */
  public int patience() {
    return patience;
  }

  /** The smallest change that counts as an improvement. */
  public double minDelta() {
    return minDelta;
  }

  /** Whether the best epoch's weights are loaded at the end. */
  public boolean restoreBestWeights() {
    return restoreBestWeights;
  }

  void reset() {
    best = Double.NaN;
    wait = 0;
  }

  /** Records an epoch's value; true when training should stop now. */
  boolean update(double value, boolean maximize) {
    double signed = maximize ? -value : value;
    if (Double.isNaN(best) || signed < best - minDelta) {
      best = signed;
      wait = 0;
      return false;
    }
    wait++;
    return wait >= patience;
  }
}
