package org.seqlearn.layers.loss;

import org.seqlearn.core.Tensor;

/** How a loss reduces its per-element values, like PyTorch's {@code reduction} argument. */
public enum Reduction {
  /** No reduction: one loss value per element (or per sample), shaped like the targets. */
  NONE,
  /** The (weighted) mean over the elements that count; a scalar {@code []}. */
  MEAN,
  /** The sum over all elements; a scalar {@code []}. */
  SUM;

  /**
   * The reduced loss of per-element values.
   *
   * @param perElement the unreduced losses (kept as the result for {@link #NONE})
   * @param shape the shape of {@code perElement} for {@link #NONE}
   * @param total their sum, accumulated by the caller (in double)
   * @param count the divisor for {@link #MEAN}
   */
  Tensor reduce(float[] perElement, int[] shape, double total, double count) {
    switch (this) {
      case NONE:
        return Tensor.wrap(perElement, shape);
      case SUM:
        return Tensor.scalar((float) total);
      default:
        return Tensor.scalar((float) (total / count));
    }
  }

  /** The factor by which backward scales the upstream gradient: {@code 1/count} for the mean. */
  double gradientScale(double count) {
    return this == MEAN ? 1.0 / count : 1.0;
  }
}
