package org.seqlearn.layers.train;

import java.util.Map;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;

/**
 * Thrown when a training loss, or a weight after an optimizer step, is NaN or infinite: training
 * stops at once (a non-finite loss before its optimizer step), and the message names the epoch and
 * the step. {@link Trainer} and the language-model trainer of {@code nlp} stop this way.
 */
public final class NonFiniteLossException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private static final String ADVICE = "; training stopped. Try a lower learning rate, gradient "
      + "clipping, or check the inputs of that batch";

  private final int epoch;
  private final long step;

  /**
   * A loss that is not finite.
   *
   * @param loss the loss
   * @param epoch the epoch, from 1
   * @param step the global optimizer step, from 1
   * @param batchInEpoch the batch within the epoch, from 1
   */
  public NonFiniteLossException(float loss, int epoch, long step, int batchInEpoch) {
    this("loss is " + loss + " at epoch " + epoch + ", step " + step + " (batch "
        + batchInEpoch + " of the epoch)" + ADVICE, epoch, step);
  }

  private NonFiniteLossException(String message, int epoch, long step) {
    super(message);
    this.epoch = epoch;
    this.step = step;
  }

  /**
   * Checks every parameter of {@code model} after {@code step}, the last step of {@code epoch}
   * (a step can turn finite weights into NaN or infinity without any loss having been).
   *
   * @throws NonFiniteLossException naming the first parameter with a non-finite value
   */
  public static void requireFiniteWeights(Module model, int epoch, long step) {
    for (Map.Entry<String, Tensor> p : model.namedParameters().entrySet()) {
      float[] values = p.getValue().data();
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new NonFiniteLossException("weight '" + p.getKey() + "' element " + i + " is "
              + values[i] + " after epoch " + epoch + ", step " + step + ADVICE, epoch, step);
        }
      }
    }
  }

  /** The epoch (from 1). */
  public int epoch() {
    return epoch;
  }

  /** The global optimizer step (from 1) whose loss (or resulting weights) was not finite. */
  public long step() {
    return step;
  }
}
