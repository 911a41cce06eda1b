package org.seqlearn.core.simd;

/**
 * SIMD kernels on {@code jdk.incubator.vector} ({@code FloatVector.SPECIES_PREFERRED}: 8 floats
 * per vector with AVX2). Created reflectively by {@link KernelProvider} only when the vector
 * module is readable; the work is split by what it computes: {@link PanamaGemmKernel} (GEMM
 * register tile for the shared {@link GemmDriver}), {@link PanamaMath} (exp, tanh, sigmoid,
 * softmax), {@link PanamaReductions} (sum, max, dot) and {@link PanamaElementwise}.
 */
public final class PanamaKernels implements Kernels {

  /** Creates the kernels; fails with a linkage error if the vector module is not readable. */
  public PanamaKernels() {
    // Touch the species so a missing module fails here, not in the middle of a computation.
    if (PanamaMath.L < 1) {
      throw new IllegalStateException("no vector lanes");
    }
  }

  @Override
  public String name() {
    return "panama";
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc, int threads) {
    GemmDriver.gemm(PanamaGemmKernel.INSTANCE, transA, transB, m, n, k, alpha,
        a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc, threads);
  }

  @Override
  public void exp(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    PanamaMath.exp(src, srcOffset, dst, dstOffset, n);
  }

  @Override
  public void tanh(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    PanamaMath.tanh(src, srcOffset, dst, dstOffset, n);
  }

  @Override
  public void sigmoid(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    PanamaMath.sigmoid(src, srcOffset, dst, dstOffset, n);
  }

  @Override
  public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
    PanamaElementwise.axpy(alpha, x, xOffset, y, yOffset, n);
  }

  @Override
  public void scale(float alpha, float[] x, int offset, int n) {
    PanamaElementwise.scale(alpha, x, offset, n);
  }

  @Override
  public void add(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    PanamaElementwise.add(a, aOffset, b, bOffset, dst, dstOffset, n);
  }

  @Override
  public void mul(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset,
      int n) {
    PanamaElementwise.mul(a, aOffset, b, bOffset, dst, dstOffset, n);
  }

  @Override
  public float sum(float[] x, int offset, int n) {
    return PanamaReductions.sum(x, offset, n);
  }

  @Override
  public float max(float[] x, int offset, int n) {
    return PanamaReductions.max(x, offset, n);
  }

  @Override
  public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    return PanamaReductions.dot(a, aOffset, b, bOffset, n);
  }

  @Override
  public void softmaxRows(float[] src, int srcOffset, float[] dst, int dstOffset, int rows,
      int cols) {
    for (int r = 0; r < rows; r++) {
      PanamaMath.softmaxRow(src, srcOffset + r * cols, dst, dstOffset + r * cols, cols);
    }
  }
}
