package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;

/** The elementwise activation {@code tanh(x)} as a module; any shape, same shape out. */
public final class Tanh extends Layer {

  @Override
  public Tensor forward(Tensor x) {
    return x.tanh();
  }

  @Override
  public String toString() {
    return "Tanh()";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Tanh}. */
  @Override
  public Tanh train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Tanh}. */
  @Override
  public Tanh train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Tanh}. */
  @Override
  public Tanh eval() {
    return train(false);
  }
}
