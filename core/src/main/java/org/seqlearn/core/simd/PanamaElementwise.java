package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Vectorised elementwise updates: axpy, scale, add, mul (scalar loops for the tails). */
final class PanamaElementwise {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private PanamaElementwise() {}

  static void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
    FloatVector va = FloatVector.broadcast(S, alpha);
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, x, xOffset + i)
          .fma(va, FloatVector.fromArray(S, y, yOffset + i))
          .intoArray(y, yOffset + i);
    }
    for (; i < n; i++) {
      y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
    }
  }

  static void scale(float alpha, float[] x, int offset, int n) {
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, x, offset + i).mul(alpha).intoArray(x, offset + i);
    }
    for (; i < n; i++) {
      x[offset + i] *= alpha;
    }
  }

  static void add(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, a, aOffset + i).add(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(dst, dstOffset + i);
    }
    for (; i < n; i++) {
      dst[dstOffset + i] = a[aOffset + i] + b[bOffset + i];
    }
  }

  static void mul(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      FloatVector.fromArray(S, a, aOffset + i).mul(FloatVector.fromArray(S, b, bOffset + i))
          .intoArray(dst, dstOffset + i);
    }
    for (; i < n; i++) {
      dst[dstOffset + i] = a[aOffset + i] * b[bOffset + i];
    }
  }
}
