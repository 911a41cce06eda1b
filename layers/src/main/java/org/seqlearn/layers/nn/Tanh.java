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
}
