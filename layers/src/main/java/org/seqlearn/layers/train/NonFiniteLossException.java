package org.seqlearn.layers.train;

/**
 * Thrown when a training loss is NaN or infinite: training stops at once, before the optimizer
 * step, and the message names the epoch and the step.
 */
public final class NonFiniteLossException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final long step;

  NonFiniteLossException(float loss, int epoch, long step, int batchInEpoch) {
    super("loss is " + loss + " at epoch " + epoch + ", step " + step + " (batch "
        + batchInEpoch + " of the epoch); training stopped. Try a lower learning rate, gradient "
        + "clipping, or check the inputs of that batch");
    this.epoch = epoch;
    this.step = step;
  }

  /** The epoch (from 1). */
  public int epoch() {
    return epoch;
  }

  /** The global optimizer step (from 1) whose loss was not finite. */
  public long step() {
    return step;
  }
}
