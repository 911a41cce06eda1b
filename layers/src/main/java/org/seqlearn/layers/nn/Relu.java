package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;

/** The elementwise activation {@code max(x, 0)} as a module; any shape, same shape out. */
public final class Relu extends Layer {

  @Override
  public Tensor forward(Tensor x) {
    return x.relu();
  }

  @Override
  public String toString() {
    return "Relu()";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Relu}. */
  @Override
  public Relu train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Relu}. */
  @Override
  public Relu train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Relu}. */
  @Override
  public Relu eval() {
    return train(false);
  }
}
