package org.seqlearn.nlp.word2vec;

import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * The two inner-loop operations of word2vec on {@code dim}-length rows: a dot product and
 * {@code y += a·x}. Uses the SIMD kernels when {@link KernelProvider#get()} is the Panama one
 * (faster at dim 100), otherwise hand-unrolled loops with four accumulators, which beat the
 * scalar kernels' single-accumulator dot (the JIT cannot reorder a float reduction itself).
 */
final class VectorMath {

  private static final Kernels KERNELS = KernelProvider.get();
  private static final boolean SIMD = !"scalar".equals(KERNELS.name());

  private VectorMath() {}

  static float dot(float[] a, int ao, float[] b, int bo, int n) {
    if (SIMD) {
      return KERNELS.dot(a, ao, b, bo, n);
    }
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
    if (SIMD) {
      KERNELS.axpy(alpha, x, xo, y, yo, n);
      return;
    }
    for (int i = 0; i < n; i++) {
      y[yo + i] += alpha * x[xo + i];
    }
  }
}
