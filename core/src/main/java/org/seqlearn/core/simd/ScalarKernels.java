package org.seqlearn.core.simd;

/**
 * Plain-Java kernels: the reference every SIMD kernel is tested against, and the fallback when
 * {@code jdk.incubator.vector} is not available.
 */
public final class ScalarKernels implements Kernels {

  static final ScalarKernels INSTANCE = new ScalarKernels();

  private ScalarKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc, int threads) {
    GemmDriver.gemm(ScalarGemmKernel.INSTANCE, transA, transB, m, n, k, alpha,
        a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
  }

  @Override
  public void exp(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    for (int i = 0; i < n; i++) {
      dst[dstOffset + i] = (float) Math.exp(src[srcOffset + i]);
    }
  }

  /** tanh of one float, in double and rounded (also {@link ScalarGateKernels}' activation). */
  static float tanh(float x) {
    return (float) Math.tanh(x);
  }

  /** {@code 1 / (1 + e^-x)} of one float, in double and rounded. */
  static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  @Override
  public void tanh(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    for (int i = 0; i < n; i++) {
      dst[dstOffset + i] = tanh(src[srcOffset + i]);
    }
  }

  @Override
  public void sigmoid(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    for (int i = 0; i < n; i++) {
      dst[dstOffset + i] = sigmoid(src[srcOffset + i]);
    }
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
    for (int i = 0; i < n; i++) {
      y[yOffset + i] += alpha * x[xOffset + i];
    }
  }

  @Override
  public void scale(float alpha, float[] x, int offset, int n) {
    for (int i = 0; i < n; i++) {
      x[offset + i] *= alpha;
    }
  }

  @Override
  public void add(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    for (int i = 0; i < n; i++) {
      dst[dstOffset + i] = a[aOffset + i] + b[bOffset + i];
    }
  }

  @Override
  public void mul(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    for (int i = 0; i < n; i++) {
      dst[dstOffset + i] = a[aOffset + i] * b[bOffset + i];
    }
  }

  @Override
  public float sum(float[] x, int offset, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += x[offset + i];
    }
    return s;
  }

  @Override
  public float max(float[] x, int offset, int n) {
    float m = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      float v = x[offset + i];
      if (Float.isNaN(v)) {
        return Float.NaN;
      }
      m = Math.max(m, v);
    }
    return m;
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    float s = 0f;
    for (int i = 0; i < n; i++) {
      s += a[aOffset + i] * b[bOffset + i];
    }
    return s;
  }

  @Override
  public void softmaxRows(float[] src, int srcOffset, float[] dst, int dstOffset, int rows,
      int cols) {
    for (int r = 0; r < rows; r++) {
      int s = srcOffset + r * cols;
      int d = dstOffset + r * cols;
      float m = max(src, s, cols);
      float total = 0f;
      for (int j = 0; j < cols; j++) {
        float e = (float) Math.exp(src[s + j] - m);
        dst[d + j] = e;
        total += e;
      }
      float inv = 1f / total;
      for (int j = 0; j < cols; j++) {
        dst[d + j] *= inv;
      }
    }
  }
}
