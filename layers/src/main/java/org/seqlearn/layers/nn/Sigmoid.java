package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;

/** The elementwise activation {@code 1 / (1 + e^-x)} as a module; any shape, same shape out. */
public final class Sigmoid extends Layer {

  @Override
  public Tensor forward(Tensor x) {
    return x.sigmoid();
  }

  @Override
  public String toString() {
    return "Sigmoid()";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Sigmoid}. */
  @Override
  public Sigmoid train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Sigmoid}. */
  @Override
  public Sigmoid train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Sigmoid}. */
  @Override
  public Sigmoid eval() {
    return train(false);
  }
}
