package org.seqlearn.nlp.vectors;

import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * Dot products of matrix rows with a query, the inner loop of every similarity search. Uses the
 * SIMD kernel when {@link KernelProvider} chose one; otherwise an eight-accumulator scalar loop,
 * which is several times faster than a single running sum because it is not bound by the latency
 * of one floating-point add per element.
 */
final class RowDot {

  private static final Kernels KERNELS = KernelProvider.get();
  private static final boolean SIMD = !"scalar".equals(KERNELS.name());

  private RowDot() {}

  /** {@code Σ a[aOffset + i] * b[bOffset + i]} for {@code i < n}. */
  static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    if (SIMD) {
      return KERNELS.dot(a, aOffset, b, bOffset, n);
    }
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      s0 += a[aOffset + i] * b[bOffset + i];
      s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
      s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
      s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
      s4 += a[aOffset + i + 4] * b[bOffset + i + 4];
      s5 += a[aOffset + i + 5] * b[bOffset + i + 5];
      s6 += a[aOffset + i + 6] * b[bOffset + i + 6];
      s7 += a[aOffset + i + 7] * b[bOffset + i + 7];
    }
    for (; i < n; i++) {
      s0 += a[aOffset + i] * b[bOffset + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}
