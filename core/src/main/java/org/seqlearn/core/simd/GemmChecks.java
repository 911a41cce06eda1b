package org.seqlearn.core.simd;

/** Argument validation shared by every GEMM implementation. */
final class GemmChecks {

  private GemmChecks() {}

  static void check(boolean transA, boolean transB, int m, int n, int k,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float[] c, int cOffset, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "gemm: sizes must be non-negative, got m=" + m + ", n=" + n + ", k=" + k);
    }
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    checkMatrix("A", a, aOffset, aRows, aCols, lda);
    checkMatrix("B", b, bOffset, bRows, bCols, ldb);
    checkMatrix("C", c, cOffset, m, n, ldc);
  }

  private static void checkMatrix(String name, float[] x, int offset, int rows, int cols, int ld) {
    if (ld < Math.max(1, cols)) {
      throw new IllegalArgumentException("gemm: leading dimension of " + name + " must be >= "
          + Math.max(1, cols) + " (its column count), got " + ld);
    }
    if (rows == 0 || cols == 0) {
      return;
    }
    long last = (long) offset + (long) (rows - 1) * ld + cols;
    if (offset < 0 || last > x.length) {
      throw new IllegalArgumentException("gemm: " + name + " of [" + rows + ", " + cols
          + "] with row stride " + ld + " at offset " + offset + " needs " + last
          + " elements, the array has " + x.length);
    }
  }
}
