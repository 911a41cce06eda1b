package org.seqlearn.core.simd;

/** A plain-Java 4x4 register tile for {@link GemmDriver}: sixteen scalar accumulators. */
final class ScalarGemmKernel extends GemmMicroKernel {

  static final ScalarGemmKernel INSTANCE = new ScalarGemmKernel();

  private ScalarGemmKernel() {
    super(4, 4);
  }

  @Override
  void compute(int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    computeRows(4, kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
  }

  @Override
  void computeRows(int rows, int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f;
    float c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
    float c20 = 0f, c21 = 0f, c22 = 0f, c23 = 0f;
    float c30 = 0f, c31 = 0f, c32 = 0f, c33 = 0f;
    int ai = aOffset;
    int bi = bOffset;
    for (int p = 0; p < kc; p++, ai += 4, bi += 4) {
      float a0 = a[ai];
      float a1 = a[ai + 1];
      float a2 = a[ai + 2];
      float a3 = a[ai + 3];
      float b0 = b[bi];
      float b1 = b[bi + 1];
      float b2 = b[bi + 2];
      float b3 = b[bi + 3];
      c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
      c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
      c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
      c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    }
    store(c00, c01, c02, c03, alpha, beta, c, cOffset);
    if (rows > 1) {
      store(c10, c11, c12, c13, alpha, beta, c, cOffset + ldc);
    }
    if (rows > 2) {
      store(c20, c21, c22, c23, alpha, beta, c, cOffset + 2 * ldc);
    }
    if (rows > 3) {
      store(c30, c31, c32, c33, alpha, beta, c, cOffset + 3 * ldc);
    }
  }

  private static void store(float v0, float v1, float v2, float v3, float alpha, float beta,
      float[] c, int at) {
    if (beta == 0f) {
      c[at] = alpha * v0;
      c[at + 1] = alpha * v1;
      c[at + 2] = alpha * v2;
      c[at + 3] = alpha * v3;
    } else {
      c[at] = Math.fma(alpha, v0, beta * c[at]);
      c[at + 1] = Math.fma(alpha, v1, beta * c[at + 1]);
      c[at + 2] = Math.fma(alpha, v2, beta * c[at + 2]);
      c[at + 3] = Math.fma(alpha, v3, beta * c[at + 3]);
    }
  }
}
