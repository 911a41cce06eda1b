package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;

/**
 * Numerically stable softmax along one axis as a module (PyTorch's {@code nn.Softmax(dim)}); any
 * shape, same shape out. For training with {@code CrossEntropyLoss} feed it logits instead.
 */
public final class Softmax extends Layer {

  private final int axis;

  /** @param axis the axis that sums to 1 (negative counts from the end) */
  public Softmax(int axis) {
    this.axis = axis;
  }

  @Override
  public Tensor forward(Tensor x) {
    return x.softmax(axis);
  }

  @Override
  public String toString() {
    return "Softmax(axis=" + axis + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Softmax}. */
  @Override
  public Softmax train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Softmax}. */
  @Override
  public Softmax train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Softmax}. */
  @Override
  public Softmax eval() {
    return train(false);
  }
}
