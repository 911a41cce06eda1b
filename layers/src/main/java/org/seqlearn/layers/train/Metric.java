package org.seqlearn.layers.train;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * A quality measure of one batch, averaged over an epoch weighted by batch size (so it must be a
 * per-example mean, such as accuracy).
 */
@FunctionalInterface
public interface Metric<T> {

  /** The mean over the batch's examples. */
  double value(Tensor output, T targets);

  /**
   * Classification accuracy: the share of rows whose arg-max over the last axis of the output
   * ({@code [..., classes]}) equals the target ({@code [...]}).
   */
  static Metric<IntTensor> accuracy() {
    return (output, targets) -> {
      IntTensor predicted = output.argmax(-1);
      if (predicted.numel() != targets.numel()) {
        throw new IllegalArgumentException("accuracy: output " + Shape.format(output.shape())
            + " gives " + predicted.numel() + " predictions, targets "
            + Shape.format(targets.shape()) + " hold " + targets.numel());
      }
      int correct = 0;
      for (int i = 0; i < predicted.numel(); i++) {
        if (predicted.at(i) == targets.at(i)) {
          correct++;
        }
      }
      return predicted.numel() == 0 ? 0 : (double) correct / predicted.numel();
    };
  }
}
