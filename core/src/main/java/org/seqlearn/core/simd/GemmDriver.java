package org.seqlearn.core.simd;

import org.seqlearn.core.parallel.ComputePool;

/**
 * The cache-blocked GEMM loop nest shared by every {@link Kernels} implementation (GotoBLAS /
 * BLIS order): for each {@code nc}-wide column block of C, for each {@code kc}-deep slice of the
 * reduction, pack the {@code [kc, nc]} block of {@code op(B)} once; for each {@code mc}-tall row
 * block, pack the {@code [mc, kc]} block of {@code op(A)}; then sweep {@link GemmMicroKernel}
 * tiles over the block. Only the micro-kernel differs between implementations.
 *
 * <p>Threading splits C into disjoint blocks of whole micro-tiles, one per thread; the reduction
 * over {@code k} is never split, and tile boundaries do not move with the thread count, so every
 * element of C is computed by the same sequence of operations whatever the thread count.
 */
final class GemmDriver {

  /** Reduction depth of one packed slice (B micro-panel of kc * nr floats stays in L1). */
  static final int KC = Integer.getInteger("seqlearn.gemm.kc", 256);
  /** Rows of one packed A block (mc * kc floats stay in L2). */
  static final int MC = Integer.getInteger("seqlearn.gemm.mc", 120);
  /** Columns of one packed B block (kc * nc floats stay in L3). */
  static final int NC = Integer.getInteger("seqlearn.gemm.nc", 4080);
  /** Products with fewer multiply-adds than this ({@code m * n * k}) stay on the caller. */
  static final long PARALLEL_MIN_WORK = 1L << 18;

  private GemmDriver() {}

  /** Per-thread packing buffers, grown on demand and reused across calls. */
  private static final class Buffers {
    float[] a = new float[0];
    float[] b = new float[0];
    float[] tile = new float[0];
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  /** Validates the arguments and runs the blocked GEMM on up to {@code threads} threads. */
  static void gemm(GemmMicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
      float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc, int threads) {
    GemmChecks.check(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
    if (threads < 1) {
      throw new IllegalArgumentException("gemm: threads must be >= 1, got " + threads);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0f) {
      scaleC(m, n, beta, c, cOffset, ldc);
      return;
    }
    int mr = kernel.mr;
    int nr = kernel.nr;
    int rowTiles = (m + mr - 1) / mr;
    int colTiles = (n + nr - 1) / nr;
    long work = (long) m * n * k;
    int tasks = work < PARALLEL_MIN_WORK ? 1 : Math.min(threads, Math.max(rowTiles, colTiles));
    if (tasks == 1) {
      block(kernel, transA, transB, 0, m, 0, n, k, alpha, a, aOffset, lda, b, bOffset, ldb,
          beta, c, cOffset, ldc);
      return;
    }
    boolean splitRows = rowTiles >= colTiles || rowTiles >= 2 * tasks;
    int tiles = splitRows ? rowTiles : colTiles;
    int size = splitRows ? mr : nr;
    int extent = splitRows ? m : n;
    ComputePool.parallelFor(tasks, tasks, t -> {
      int from = Math.min(extent, (int) ((long) tiles * t / tasks) * size);
      int to = Math.min(extent, (int) ((long) tiles * (t + 1) / tasks) * size);
      if (from >= to) {
        return;
      }
      if (splitRows) {
        block(kernel, transA, transB, from, to, 0, n, k, alpha, a, aOffset, lda, b, bOffset,
            ldb, beta, c, cOffset, ldc);
      } else {
        block(kernel, transA, transB, 0, m, from, to, k, alpha, a, aOffset, lda, b, bOffset,
            ldb, beta, c, cOffset, ldc);
      }
    });
  }

  /** The serial blocked GEMM on the C block {@code [i0, i1) x [j0, j1)}. */
  private static void block(GemmMicroKernel kernel, boolean transA, boolean transB,
      int i0, int i1, int j0, int j1, int k, float alpha,
      float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
      float beta, float[] c, int cOffset, int ldc) {
    int mr = kernel.mr;
    int nr = kernel.nr;
    int mcMax = Math.max(mr, MC / mr * mr);
    int ncMax = Math.max(nr, NC / nr * nr);
    int kcMax = Math.max(1, KC);
    Buffers buf = BUFFERS.get();
    int rows = i1 - i0;
    int cols = j1 - j0;
    int aNeed = roundUp(Math.min(mcMax, rows), mr) * Math.min(kcMax, k);
    int bNeed = roundUp(Math.min(ncMax, cols), nr) * Math.min(kcMax, k);
    if (buf.a.length < aNeed) {
      buf.a = new float[aNeed];
    }
    if (buf.b.length < bNeed) {
      buf.b = new float[bNeed];
    }
    if (buf.tile.length < mr * nr) {
      buf.tile = new float[mr * nr];
    }
    float[] pa = buf.a;
    float[] pb = buf.b;
    float[] tile = buf.tile;
    for (int jc = j0; jc < j1; jc += ncMax) {
      int nc = Math.min(ncMax, j1 - jc);
      for (int pc = 0; pc < k; pc += kcMax) {
        int kc = Math.min(kcMax, k - pc);
        float betaHere = pc == 0 ? beta : 1f;
        GemmPacking.packB(transB, b, bOffset, ldb, pc, kc, jc, nc, nr, pb);
        for (int ic = i0; ic < i1; ic += mcMax) {
          int mc = Math.min(mcMax, i1 - ic);
          GemmPacking.packA(transA, a, aOffset, lda, ic, mc, pc, kc, mr, pa);
          for (int jr = 0; jr < nc; jr += nr) {
            int w = Math.min(nr, nc - jr);
            int bPanel = jr / nr * kc * nr;
            for (int ir = 0; ir < mc; ir += mr) {
              int h = Math.min(mr, mc - ir);
              int aPanel = ir / mr * kc * mr;
              int cAt = cOffset + (ic + ir) * ldc + jc + jr;
              if (h == mr && w == nr) {
                kernel.compute(kc, pa, aPanel, pb, bPanel, alpha, betaHere, c, cAt, ldc);
              } else {
                kernel.compute(kc, pa, aPanel, pb, bPanel, 1f, 0f, tile, 0, nr);
                mergeEdge(tile, nr, h, w, alpha, betaHere, c, cAt, ldc);
              }
            }
          }
        }
      }
    }
  }

  /** Writes the valid {@code [h, w]} corner of an edge tile the way a micro-kernel would. */
  private static void mergeEdge(float[] tile, int nr, int h, int w, float alpha, float beta,
      float[] c, int cAt, int ldc) {
    for (int i = 0; i < h; i++) {
      int row = cAt + i * ldc;
      for (int j = 0; j < w; j++) {
        float acc = tile[i * nr + j];
        c[row + j] = beta == 0f ? alpha * acc : Math.fma(alpha, acc, beta * c[row + j]);
      }
    }
  }

  /** {@code C = beta * C}, with {@code beta == 0} clearing C (NaNs included). */
  private static void scaleC(int m, int n, float beta, float[] c, int cOffset, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOffset + i * ldc;
      if (beta == 0f) {
        java.util.Arrays.fill(c, row, row + n, 0f);
      } else if (beta != 1f) {
        for (int j = 0; j < n; j++) {
          c[row + j] *= beta;
        }
      }
    }
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }
}
