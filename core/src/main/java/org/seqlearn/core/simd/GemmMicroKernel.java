package org.seqlearn.core.simd;

/**
 * The register-tiled inner kernel of the blocked GEMM: one {@code [mr, nr]} tile of C from one
 * packed A micro-panel and one packed B micro-panel.
 *
 * <p>Packed layouts (see {@link GemmPacking}): the A micro-panel holds {@code kc} groups of
 * {@code mr} values ({@code op(A)[i, p]} at {@code aOffset + p * mr + i}); the B micro-panel
 * holds {@code kc} groups of {@code nr} values ({@code op(B)[p, j]} at {@code bOffset + p * nr +
 * j}). Rows or columns past the matrix edge are zero in both.
 */
abstract class GemmMicroKernel {

  /** Rows of the register tile. */
  final int mr;
  /** Columns of the register tile. */
  final int nr;

  GemmMicroKernel(int mr, int nr) {
    this.mr = mr;
    this.nr = nr;
  }

  /**
   * Computes {@code C[i, j] = alpha * acc[i, j] + beta * C[i, j]} for the full {@code [mr, nr]}
   * tile at {@code c[cOffset + i * ldc + j]}, where {@code acc = sum_p A[i, p] * B[p, j]}
   * accumulated in order {@code p = 0 .. kc-1}. When {@code beta == 0}, C is not read. The
   * combination must be evaluated as {@code fma(alpha, acc, beta * c)} (or {@code alpha * acc}
   * when {@code beta == 0}) so that {@link GemmDriver} can reproduce it bit for bit on edges.
   */
  abstract void compute(int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc);

  /**
   * {@link #compute} for only the first {@code rows} ({@code 1 <= rows <= mr}) rows of the tile
   * (the A micro-panel keeps its {@code mr} stride): rows past {@code rows} of C are neither
   * read nor written, and each written element gets exactly the bits {@link #compute} would
   * give it. A narrower tile costs no more per row on a core whose loads are cheaper than its
   * multiply-adds, so a partial last panel need not go through a scratch tile.
   */
  abstract void computeRows(int rows, int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc);
}
