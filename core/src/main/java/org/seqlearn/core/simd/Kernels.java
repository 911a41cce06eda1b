package org.seqlearn.core.simd;

import org.seqlearn.core.parallel.ComputePool;

/**
 * The numeric kernels every higher layer calls: GEMM, elementwise transcendental functions,
 * fused multiply-add style updates and reductions, all on plain {@code float[]} ranges.
 *
 * <p>Two implementations exist: {@link ScalarKernels} (plain Java, the reference) and a Panama
 * one built on {@code jdk.incubator.vector}. {@link KernelProvider#get()} picks one once per JVM.
 * Every method reads and writes exactly the ranges it names; source and destination ranges may be
 * the same array and offset (in-place) unless stated otherwise.
 */
public interface Kernels {

  /** A short name for logs and benchmarks: {@code "panama"} or {@code "scalar"}. */
  String name();

  /**
   * General matrix multiply on row-major storage: {@code C = alpha * op(A) * op(B) + beta * C},
   * where {@code op(A)} is {@code [m, k]} and {@code op(B)} is {@code [k, n]}.
   *
   * <p>When {@code transA} is false, A is stored as {@code [m, k]} with row stride {@code lda};
   * when true it is stored as {@code [k, m]} (and op(A) is its transpose). The same holds for B
   * ({@code [k, n]} or, transposed, {@code [n, k]}). C is {@code [m, n]} with row stride {@code
   * ldc}. When {@code beta == 0} the previous contents of C are ignored (NaNs included). Large
   * products are split across the shared compute pool (up to {@link ComputePool#threads()}
   * threads); small ones run on the caller.
   *
   * @throws IllegalArgumentException if a size is negative, a leading dimension is smaller than
   *     its matrix's column count, or a matrix does not fit in its array at its offset
   */
  default void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc,
        ComputePool.threads());
  }

  /**
   * {@link #gemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int,
   * float, float[], int, int) gemm} on at most {@code threads} threads (the caller included).
   *
   * <p>C is split into disjoint blocks of whole register tiles; the reduction over {@code k} is
   * never split, so the result is identical for every thread count. Products with fewer than
   * about 2^18 multiply-adds run on the caller whatever {@code threads} says.
   *
   * @param threads maximum number of threads, {@code >= 1}
   * @throws IllegalArgumentException as the other overload, or if {@code threads < 1}
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc, int threads);

  /** {@code dst[i] = exp(src[i])} for {@code n} elements. */
  void exp(float[] src, int srcOffset, float[] dst, int dstOffset, int n);

  /** {@code dst[i] = tanh(src[i])} for {@code n} elements. */
  void tanh(float[] src, int srcOffset, float[] dst, int dstOffset, int n);

  /** {@code dst[i] = 1 / (1 + exp(-src[i]))} for {@code n} elements. */
  void sigmoid(float[] src, int srcOffset, float[] dst, int dstOffset, int n);

  /** {@code y[i] += alpha * x[i]} for {@code n} elements. */
  void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n);

  /** {@code x[i] *= alpha} for {@code n} elements. */
  void scale(float alpha, float[] x, int offset, int n);

  /** {@code dst[i] = a[i] + b[i]} for {@code n} elements. */
  void add(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset, int n);

  /** {@code dst[i] = a[i] * b[i]} for {@code n} elements. */
  void mul(float[] a, int aOffset, float[] b, int bOffset, float[] dst, int dstOffset, int n);

  /** Sum of {@code n} elements (accumulated in float lanes; order may differ between kernels). */
  float sum(float[] x, int offset, int n);

  /** Largest of {@code n >= 1} elements; NaN if any element is NaN. */
  float max(float[] x, int offset, int n);

  /** Dot product of two ranges of {@code n} elements. */
  float dot(float[] a, int aOffset, float[] b, int bOffset, int n);

  /**
   * Numerically stable softmax of each row of a row-major {@code [rows, cols]} block: {@code
   * dst[r, j] = exp(src[r, j] - max_r) / sum_j exp(src[r, j] - max_r)}.
   */
  void softmaxRows(float[] src, int srcOffset, float[] dst, int dstOffset, int rows, int cols);
}
