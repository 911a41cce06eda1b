package org.seqlearn.layers.train;

/**
 * One mini-batch: model inputs, targets and the number of examples in it (used to weight
 * averages and for the samples/s rate). Inputs and targets are whatever the model and the loss
 * take, e.g. ids {@code IntTensor [batch, time]} and class labels {@code IntTensor [batch]}.
 *
 * @param inputs what the model's forward function receives
 * @param targets what the loss function and metrics receive
 * @param size number of examples, {@code >= 1}
 */
public record Batch<I, T>(I inputs, T targets, int size) {

  /** @throws IllegalArgumentException if size is below 1 */
  public Batch {
    if (size < 1) {
      throw new IllegalArgumentException("a batch needs at least 1 example, got size " + size);
    }
  }
}
