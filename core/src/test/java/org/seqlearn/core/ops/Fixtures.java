package org.seqlearn.core.ops;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** Small helpers shared by the op tests. */
final class Fixtures {

  private Fixtures() {}

  /** A leaf requiring grad, uniform in [-1, 1), seeded. */
  static Tensor param(long seed, int... shape) {
    return Tensor.uniform(-1f, 1f, seed, shape).requiresGrad(true);
  }

  /** A leaf requiring grad, uniform in [low, high), seeded. */
  static Tensor param(float low, float high, long seed, int... shape) {
    return Tensor.uniform(low, high, seed, shape).requiresGrad(true);
  }

  /** Unravels a row-major flat index. */
  static int[] unravel(int flat, int[] shape) {
    int[] idx = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    return idx;
  }

  /** Reads {@code t} at the broadcast position {@code outIdx} (right-aligned, size-1 dims -> 0). */
  static float broadcastGet(Tensor t, int[] outIdx) {
    int[] shape = t.shape();
    int[] idx = new int[shape.length];
    int lead = outIdx.length - shape.length;
    for (int d = 0; d < shape.length; d++) {
      idx[d] = shape[d] == 1 ? 0 : outIdx[d + lead];
    }
    return t.get(idx);
  }

  /** Number of elements of a shape. */
  static int numel(int... shape) {
    return Shape.numel(shape);
  }
}
