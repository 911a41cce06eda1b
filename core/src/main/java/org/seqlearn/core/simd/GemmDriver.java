package org.seqlearn.core.simd;

import org.seqlearn.core.parallel.ComputePool;

/**
 * The cache-blocked GEMM loop nest shared by every {@link Kernels} implementation: for each
 * {@code nc}-wide column block of C, for each {@code kc}-deep slice of the reduction, pack the
 * {@code [kc, nc]} block of {@code op(B)} once (sized to stay in L2); for each {@code mc}-tall row
 * block, pack the {@code [mc, kc]} block of {@code op(A)}; then, for each A micro-panel (held in
 * L1), sweep {@link GemmMicroKernel} tiles along the row of C. Sweeping along a row keeps the
 * C stores of consecutive tiles in the same few rows, which matters for power-of-two row strides
 * (they otherwise alias in the L1 sets). Only the micro-kernel differs between implementations.
 *
 * <p>Threading: each packed B block is shared by all threads, which take disjoint pieces of C
 * (whole micro-tiles) from a dynamic queue, so a descheduled thread does not stall the others.
 * The reduction over {@code k} is never split and tile boundaries do not move with the thread
 * count, so every element of C is computed by the same sequence of operations whatever the
 * thread count.
 */
final class GemmDriver {

  /**
   * Reduction depth of one packed slice: an A micro-panel of {@code kc * mr} floats (12 KiB)
   * stays in L1 while B micro-panels stream from L2. Deep slices mean C is read and written
   * fewer times; 512 measured best at 512..1024 on the reference machine (BENCHMARKS.md).
   */
  static final int KC = Integer.getInteger("seqlearn.gemm.kc", 512);
  /** Rows of one packed A block. */
  static final int MC = Integer.getInteger("seqlearn.gemm.mc", 72);
  /** Columns of one packed B block ({@code kc * nc} floats, 512 KiB, the size of one L2). */
  static final int NC = Integer.getInteger("seqlearn.gemm.nc", 256);
  /**
   * Products with at most this many multiply-adds ({@code m * n * k}, 64^3) stay on the caller:
   * below it, handing work to the pool costs more than it saves.
   */
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
    long work = (long) m * n * k;
    int useThreads = work <= PARALLEL_MIN_WORK ? 1 : threads;
    new Job(kernel, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c,
        cOffset, ldc).run(useThreads);
  }

  /** One GEMM call: its operands and the blocking derived from the micro-kernel's tile. */
  private static final class Job {
    final GemmMicroKernel kernel;
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final float alpha;
    final float[] a;
    final int aOffset;
    final int lda;
    final float[] b;
    final int bOffset;
    final int ldb;
    final float beta;
    final float[] c;
    final int cOffset;
    final int ldc;
    final int mr;
    final int nr;
    final int mcMax;
    final int ncMax;
    final int kcMax;

    Job(GemmMicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
        float alpha, float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
        float beta, float[] c, int cOffset, int ldc) {
      this.kernel = kernel;
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.alpha = alpha;
      this.a = a;
      this.aOffset = aOffset;
      this.lda = lda;
      this.b = b;
      this.bOffset = bOffset;
      this.ldb = ldb;
      this.beta = beta;
      this.c = c;
      this.cOffset = cOffset;
      this.ldc = ldc;
      this.mr = kernel.mr;
      this.nr = kernel.nr;
      this.mcMax = Math.max(mr, MC / mr * mr);
      this.ncMax = Math.max(nr, NC / nr * nr);
      this.kcMax = Math.max(1, KC);
    }

    /**
     * For each {@code [kc, nc]} block of op(B): pack it once into a buffer shared by all
     * threads, then hand out {@code [mc rows] x [column chunk]} pieces of C dynamically.
     * Pieces never overlap and tile boundaries are fixed, so any assignment gives the same C.
     */
    void run(int threads) {
      // Borrow the B buffer: while this thread waits for helpers it may run another GEMM's
      // work (work stealing), which must not pack into the same array.
      Buffers own = BUFFERS.get();
      int bNeed = roundUp(Math.min(ncMax, n), nr) * Math.min(kcMax, k);
      float[] packedB = own.b.length >= bNeed ? own.b : new float[bNeed];
      own.b = new float[0];
      try {
        blocks(threads, packedB);
      } finally {
        if (packedB.length > own.b.length) {
          own.b = packedB;
        }
      }
    }

    private void blocks(int threads, float[] packedB) {
      int rowChunks = (m + mcMax - 1) / mcMax;
      for (int jc = 0; jc < n; jc += ncMax) {
        int nc = Math.min(ncMax, n - jc);
        int colPanels = (nc + nr - 1) / nr;
        // Split columns too when there are too few row chunks to keep every thread busy.
        int colChunks = threads == 1 ? 1
            : Math.min(colPanels, Math.max(1, (2 * threads + rowChunks - 1) / rowChunks));
        for (int pc = 0; pc < k; pc += kcMax) {
          int kc = Math.min(kcMax, k - pc);
          float betaHere = pc == 0 ? beta : 1f;
          int jcHere = jc;
          int pcHere = pc;
          int bTasks = Math.min(threads, colPanels);
          ComputePool.parallelFor(bTasks, threads, t -> {
            int from = colPanels * t / bTasks * nr;
            int to = Math.min(nc, colPanels * (t + 1) / bTasks * nr);
            GemmPacking.packB(transB, b, bOffset, ldb, pcHere, kc, jcHere + from, to - from, nr,
                packedB, from / nr * kc * nr);
          });
          ComputePool.parallelFor(rowChunks * colChunks, threads, task -> {
            int ic = task / colChunks * mcMax;
            int chunk = task % colChunks;
            int jrFrom = colPanels * chunk / colChunks * nr;
            int jrTo = Math.min(nc, colPanels * (chunk + 1) / colChunks * nr);
            piece(ic, Math.min(mcMax, m - ic), jcHere, jrFrom, jrTo, pcHere, kc, betaHere,
                packedB);
          });
        }
      }
    }

    /** Packs rows {@code [ic, ic + mc)} of the A slice; computes their tiles in [jrFrom, jrTo). */
    private void piece(int ic, int mc, int jc, int jrFrom, int jrTo, int pc, int kc,
        float betaHere, float[] pb) {
      Buffers buf = BUFFERS.get();
      int aNeed = roundUp(mc, mr) * kc;
      if (buf.a.length < aNeed) {
        buf.a = new float[Math.max(aNeed, mcMax * Math.min(kcMax, k))];
      }
      if (buf.tile.length < mr * nr) {
        buf.tile = new float[mr * nr];
      }
      float[] pa = buf.a;
      float[] tile = buf.tile;
      GemmPacking.packA(transA, a, aOffset, lda, ic, mc, pc, kc, mr, pa);
      for (int ir = 0; ir < mc; ir += mr) {
        int h = Math.min(mr, mc - ir);
        int aPanel = ir / mr * kc * mr;
        for (int jr = jrFrom; jr < jrTo; jr += nr) {
          int w = Math.min(nr, jrTo - jr);
          int bPanel = jr / nr * kc * nr;
          int cAt = cOffset + (ic + ir) * ldc + jc + jr;
          if (h == mr && w == nr) {
            kernel.compute(kc, pa, aPanel, pb, bPanel, alpha, betaHere, c, cAt, ldc);
          } else if (w == nr) {
            kernel.computeRows(h, kc, pa, aPanel, pb, bPanel, alpha, betaHere, c, cAt, ldc);
          } else {
            kernel.compute(kc, pa, aPanel, pb, bPanel, 1f, 0f, tile, 0, nr);
            mergeEdge(tile, nr, h, w, alpha, betaHere, c, cAt, ldc);
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
