package org.seqlearn.layers.loss;

/** How a loss reduces its per-element values, like PyTorch's {@code reduction} argument. */
public enum Reduction {
  /** No reduction: one loss value per element (or per sample), shaped like the targets. */
  NONE,
  /** The (weighted) mean over the elements that count; a scalar {@code []}. */
  MEAN,
  /** The sum over all elements; a scalar {@code []}. */
  SUM
}
