package org.seqlearn.layers.nn;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** Argument checks shared by the modules; messages name the expected and the actual. */
final class Checks {

  private Checks() {}

  static int positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be >= 1, got " + value);
    }
    return value;
  }

  static void lastDim(String module, Tensor x, int expected) {
    if (x.rank() < 1 || x.dim(-1) != expected) {
      throw new IllegalArgumentException(module + ": expected input [..., " + expected
          + "], got " + Shape.format(x.shape()));
    }
  }
}
