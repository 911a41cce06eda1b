package org.seqlearn.layers.train;

import org.seqlearn.core.Tensor;

/**
 * The training objective: a scalar loss from the model's output and the batch's targets, e.g.
 * {@code (logits, labels) -> new CrossEntropyLoss().apply(logits, labels)}.
 */
@FunctionalInterface
public interface LossFunction<T> {

  /** A one-element loss tensor, recorded for autograd. */
  Tensor apply(Tensor output, T targets);
}
