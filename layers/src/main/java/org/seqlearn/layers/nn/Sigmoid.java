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
}
