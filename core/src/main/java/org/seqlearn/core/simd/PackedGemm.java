package org.seqlearn.core.simd;

/**
 * GEMM on operands packed once and reused: the entry point for many small products that share
 * one operand, such as the per-step {@code h·W_hhᵀ} of a recurrent layer, where {@link
 * Kernels#gemm} would pack the same weight matrix again at every step.
 *
 * <p>The caller packs {@code op(B)} once ({@link #packB}) into column <em>panels</em> of {@link
 * #nr()} columns, and {@code op(A)} into row panels of {@link #mr()} rows ({@link #packA}, or by
 * writing elements straight to {@link #indexA}). {@link #multiplyPadded} then computes any range
 * of B panels against all A panels with the same register-tiled micro-kernel as {@link
 * Kernels#gemm}, on the calling thread: splitting a product between threads is up to the caller,
 * who can give each thread a fixed range of panels (its part of B then stays in that core's
 * cache from one call to the next).
 *
 * <p>Layouts: the packed A holds {@code ceil(m / mr)} panels of {@code k * mr} floats ({@code
 * op(A)[i, p]} at {@link #indexA}), rows past {@code m} zero; the packed B holds {@code ceil(n /
 * nr)} panels of {@code k * nr} floats ({@code op(B)[p, j]} at {@code (j / nr) * k * nr + p * nr
 * + j % nr}), columns past {@code n} zero. Depths above {@code KC} (512, or the system property
 * {@code seqlearn.gemm.kc}) are reduced in slices of {@code KC}, exactly as {@link Kernels#gemm}
 * does, so with equal sizes the two give the same
 * bits. Every element of C is computed by the same operations whichever panel range or thread
 * computes it.
 */
public final class PackedGemm {

  /** Reduction slice: an A panel of {@code KC * mr} floats stays in L1 (as in the driver). */
  static final int KC = GemmDriver.KC;

  private final GemmMicroKernel kernel;
  private final int mr;
  private final int nr;

  private PackedGemm(GemmMicroKernel kernel) {
    this.kernel = kernel;
    this.mr = kernel.mr;
    this.nr = kernel.nr;
  }

  private static final class Holder {
    static final PackedGemm ACTIVE = of(KernelProvider.get());
  }

  /** The packed GEMM of the kernels chosen for this JVM ({@link KernelProvider#get()}). */
  public static PackedGemm get() {
    return Holder.ACTIVE;
  }

  /** The packed GEMM with the micro-kernel of {@code kernels} (Panama or scalar). */
  public static PackedGemm of(Kernels kernels) {
    if (kernels instanceof ScalarKernels) {
      return new PackedGemm(ScalarGemmKernel.INSTANCE);
    }
    if ("panama".equals(kernels.name())) {
      return PanamaHolder.INSTANCE;
    }
    throw new IllegalArgumentException("no packed GEMM for kernels '" + kernels.name() + "'");
  }

  private static final class PanamaHolder {
    static final PackedGemm INSTANCE = new PackedGemm(PanamaGemmKernel.INSTANCE);
  }

  /** Rows of one A panel (the register tile's height). */
  public int mr() {
    return mr;
  }

  /** Columns of one B panel (the register tile's width). */
  public int nr() {
    return nr;
  }

  /** {@code m} rounded up to whole A panels. */
  public int paddedRows(int m) {
    return (m + mr - 1) / mr * mr;
  }

  /** Number of B panels that hold {@code n} columns. */
  public int panels(int n) {
    return (n + nr - 1) / nr;
  }

  /** Floats of a packed {@code op(A) [m, k]}. */
  public int packedASize(int m, int k) {
    return paddedRows(m) * k;
  }

  /** Floats of a packed {@code op(B) [k, n]}. */
  public int packedBSize(int k, int n) {
    return panels(n) * nr * k;
  }

  /** Position of {@code op(A)[i, p]} in a packed A of depth {@code k}. */
  public int indexA(int i, int p, int k) {
    return i / mr * (k * mr) + p * mr + i % mr;
  }

  /**
   * Packs {@code op(A) [m, k]} (A stored {@code [m, k]}, or {@code [k, m]} when {@code transA})
   * into {@code dst[dstOffset ...]}, zero-filling the rows of the last panel past {@code m}.
   */
  public void packA(boolean transA, float[] a, int aOffset, int lda, int m, int k, float[] dst,
      int dstOffset) {
    checkSource("A", transA, m, k, a, aOffset, lda);
    requireRoom("packed A", dst, dstOffset, packedASize(m, k));
    if (m == 0 || k == 0) {
      return;
    }
    int panelSize = k * mr;
    for (int ir = 0, d = dstOffset; ir < m; ir += mr, d += panelSize) {
      int h = Math.min(mr, m - ir);
      if (transA) {
        for (int p = 0; p < k; p++) {
          int src = aOffset + p * lda + ir;
          int base = d + p * mr;
          for (int i = 0; i < h; i++) {
            dst[base + i] = a[src + i];
          }
          for (int i = h; i < mr; i++) {
            dst[base + i] = 0f;
          }
        }
      } else {
        for (int i = 0; i < h; i++) {
          int src = aOffset + (ir + i) * lda;
          for (int p = 0; p < k; p++) {
            dst[d + p * mr + i] = a[src + p];
          }
        }
        for (int i = h; i < mr; i++) {
          for (int p = 0; p < k; p++) {
            dst[d + p * mr + i] = 0f;
          }
        }
      }
    }
  }

  /**
   * Packs {@code op(B) [k, n]} (B stored {@code [k, n]}, or {@code [n, k]} when {@code transB})
   * into {@code dst[dstOffset ...]}, zero-filling the columns of the last panel past {@code n}.
   */
  public void packB(boolean transB, float[] b, int bOffset, int ldb, int k, int n, float[] dst,
      int dstOffset) {
    checkSource("B", transB, k, n, b, bOffset, ldb);
    requireRoom("packed B", dst, dstOffset, packedBSize(k, n));
    if (n == 0 || k == 0) {
      return;
    }
    GemmPacking.packB(transB, b, bOffset, ldb, 0, k, 0, n, nr, dst, dstOffset);
  }

  /**
   * {@code C = A·B + beta * C} for a packed A of {@code m} rows and {@code panels} consecutive
   * packed B panels (both of depth {@code k}), writing whole panels of columns: C must have
   * room for {@code m} rows of {@code panels * nr} columns from {@code cOffset} (row stride
   * {@code ldc}). The padding columns get {@code beta * C} (the packed B is zero there); when
   * {@code beta == 0} C is not read.
   *
   * @param pbOffset where the first of the panels starts in {@code pb}
   * @param cOffset where that panel's first column of row 0 is in {@code c}
   */
  public void multiplyPadded(int m, int panels, int k, float[] pa, int paOffset, float[] pb,
      int pbOffset, float beta, float[] c, int cOffset, int ldc) {
    multiplyPadded(m, panels, k, pa, paOffset, k, pb, pbOffset, k, beta, c, cOffset, ldc);
  }

  /**
   * {@link #multiplyPadded(int, int, int, float[], int, float[], int, float, float[], int, int)
   * multiplyPadded} over a slice of the reduction: A was packed with depth {@code aDepth} and B
   * with depth {@code bDepth} (both {@code >= k}), and the product runs over the {@code k}
   * consecutive reduction indices that start where {@code paOffset} and {@code pbOffset} point
   * (for reduction index {@code p0}: {@code paOffset = aStart + p0 * mr}, {@code pbOffset =
   * bStart + p0 * nr}). So one packed operand can serve products over different parts of its
   * depth, e.g. {@code [h | x]} against {@code [W_hhᵀ; W_ihᵀ]} whole or in its two halves.
   */
  public void multiplyPadded(int m, int panels, int k, float[] pa, int paOffset, int aDepth,
      float[] pb, int pbOffset, int bDepth, float beta, float[] c, int cOffset, int ldc) {
    if (m < 0 || panels < 0 || k < 0) {
      throw new IllegalArgumentException("multiplyPadded: sizes must be non-negative, got m="
          + m + ", panels=" + panels + ", k=" + k);
    }
    if (aDepth < k || bDepth < k) {
      throw new IllegalArgumentException("multiplyPadded: packed depths (" + aDepth + ", "
          + bDepth + ") must be >= k = " + k);
    }
    if (m == 0 || panels == 0) {
      return;
    }
    int rows = paddedRows(m);
    int cols = panels * nr;
    int aPanel = aDepth * mr;
    int bPanel = bDepth * nr;
    requireRoom("packed A", pa, paOffset, (long) (rows / mr - 1) * aPanel + k * mr);
    requireRoom("packed B", pb, pbOffset, (long) (panels - 1) * bPanel + k * nr);
    if (ldc < cols) {
      throw new IllegalArgumentException("multiplyPadded: ldc must be >= " + cols + ", got "
          + ldc);
    }
    requireRoom("C", c, cOffset, (long) (m - 1) * ldc + cols);
    if (k == 0) {
      for (int i = 0; i < m; i++) {
        int row = cOffset + i * ldc;
        for (int j = 0; j < cols; j++) {
          c[row + j] = beta == 0f ? 0f : beta * c[row + j];
        }
      }
      return;
    }
    int full = m / mr * mr;
    for (int pc = 0; pc < k; pc += KC) {
      int kc = Math.min(KC, k - pc);
      float betaHere = pc == 0 ? beta : 1f;
      // B panel outermost: it is read from L1 by every A panel in turn, while the (smaller)
      // packed A streams from L2.
      for (int jr = 0; jr < panels; jr++) {
        int bAt = pbOffset + jr * bPanel + pc * nr;
        int cCol = cOffset + jr * nr;
        int ir = 0;
        for (; ir < full; ir += mr) {
          kernel.compute(kc, pa, paOffset + ir / mr * aPanel + pc * mr, pb, bAt, 1f, betaHere,
              c, cCol + ir * ldc, ldc);
        }
        if (ir < m) {
          kernel.computeRows(m - ir, kc, pa, paOffset + ir / mr * aPanel + pc * mr, pb, bAt, 1f,
              betaHere, c, cCol + ir * ldc, ldc);
        }
      }
    }
  }

  /** Validates a row-major {@code op(X) [rows, cols]} stored transposed or not. */
  private static void checkSource(String name, boolean trans, int rows, int cols, float[] x,
      int offset, int ld) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("packed gemm: sizes of " + name
          + " must be non-negative, got " + rows + " x " + cols);
    }
    int storedRows = trans ? cols : rows;
    int storedCols = trans ? rows : cols;
    if (ld < Math.max(1, storedCols)) {
      throw new IllegalArgumentException("packed gemm: leading dimension of " + name
          + " must be >= " + Math.max(1, storedCols) + ", got " + ld);
    }
    if (storedRows > 0 && storedCols > 0) {
      requireRoom(name, x, offset, (long) (storedRows - 1) * ld + storedCols);
    }
  }

  private static void requireRoom(String what, float[] x, int offset, long size) {
    if (offset < 0 || offset + size > x.length) {
      throw new IllegalArgumentException("packed gemm: " + what + " needs " + size
          + " elements from offset " + offset + ", the array has " + x.length);
    }
  }
}
