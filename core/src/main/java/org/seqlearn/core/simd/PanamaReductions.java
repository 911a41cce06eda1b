package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised reductions: sum, max and dot product. Sums use four independent vector
 * accumulators (so the loop is not bound by add latency), combined at the end.
 */
final class PanamaReductions {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private PanamaReductions() {}

  static float sum(float[] x, int offset, int n) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int i = 0;
    int bound4 = n - 4 * L + 1;
    for (; i < bound4; i += 4 * L) {
      s0 = s0.add(FloatVector.fromArray(S, x, offset + i));
      s1 = s1.add(FloatVector.fromArray(S, x, offset + i + L));
      s2 = s2.add(FloatVector.fromArray(S, x, offset + i + 2 * L));
      s3 = s3.add(FloatVector.fromArray(S, x, offset + i + 3 * L));
    }
    int bound = S.loopBound(n);
    for (; i < bound; i += L) {
      s0 = s0.add(FloatVector.fromArray(S, x, offset + i));
    }
    float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s += x[offset + i];
    }
    return s;
  }

  static float max(float[] x, int offset, int n) {
    float m = Float.NEGATIVE_INFINITY;
    int i = 0;
    int bound = S.loopBound(n);
    if (bound > 0) {
      FloatVector vm = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
      for (; i < bound; i += L) {
        vm = vm.max(FloatVector.fromArray(S, x, offset + i));
      }
      m = vm.reduceLanes(VectorOperators.MAX);
    }
    for (; i < n; i++) {
      m = Math.max(m, x[offset + i]);
    }
    return m;
  }

  static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int i = 0;
    int bound4 = n - 4 * L + 1;
    for (; i < bound4; i += 4 * L) {
      s0 = FloatVector.fromArray(S, a, aOffset + i)
          .fma(FloatVector.fromArray(S, b, bOffset + i), s0);
      s1 = FloatVector.fromArray(S, a, aOffset + i + L)
          .fma(FloatVector.fromArray(S, b, bOffset + i + L), s1);
      s2 = FloatVector.fromArray(S, a, aOffset + i + 2 * L)
          .fma(FloatVector.fromArray(S, b, bOffset + i + 2 * L), s2);
      s3 = FloatVector.fromArray(S, a, aOffset + i + 3 * L)
          .fma(FloatVector.fromArray(S, b, bOffset + i + 3 * L), s3);
    }
    int bound = S.loopBound(n);
    for (; i < bound; i += L) {
      s0 = FloatVector.fromArray(S, a, aOffset + i)
          .fma(FloatVector.fromArray(S, b, bOffset + i), s0);
    }
    float s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      s = Math.fma(a[aOffset + i], b[bOffset + i], s);
    }
    return s;
  }
}
