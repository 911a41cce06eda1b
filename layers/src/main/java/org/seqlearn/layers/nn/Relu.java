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
}
