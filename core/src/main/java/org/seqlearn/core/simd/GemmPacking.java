package org.seqlearn.core.simd;

/**
 * Copies blocks of {@code op(A)} and {@code op(B)} into the contiguous, zero-padded micro-panel
 * layouts the {@link GemmMicroKernel} streams through. Transposition is absorbed here, so the
 * micro-kernel only ever sees one layout.
 */
final class GemmPacking {

  private GemmPacking() {}

  /**
   * Packs {@code op(A)[row0 : row0 + rows, p0 : p0 + kc]} into {@code ceil(rows / mr)}
   * micro-panels of {@code kc * mr} floats each, rows past {@code rows} zero-filled.
   */
  static void packA(boolean transA, float[] a, int aOffset, int lda, int row0, int rows,
      int p0, int kc, int mr, float[] dst) {
    if (transA) {
      packATransposed(a, aOffset, lda, row0, rows, p0, kc, mr, dst);
      return;
    }
    int d = 0;
    for (int ir = 0; ir < rows; ir += mr) {
      int h = Math.min(mr, rows - ir);
      for (int i = 0; i < h; i++) {
        int src = aOffset + (row0 + ir + i) * lda + p0;
        for (int p = 0; p < kc; p++) {
          dst[d + p * mr + i] = a[src + p];
        }
      }
      for (int i = h; i < mr; i++) {
        for (int p = 0; p < kc; p++) {
          dst[d + p * mr + i] = 0f;
        }
      }
      d += kc * mr;
    }
  }

  /**
   * {@link #packA} when A is stored {@code [k, m]}: one storage row holds one op(A) column of
   * every panel, so each row is read once, front to back, and dealt out to the panels (reading
   * a panel's {@code mr} values from {@code kc} rows in turn would touch a new cache line per
   * read).
   */
  private static void packATransposed(float[] a, int aOffset, int lda, int row0, int rows,
      int p0, int kc, int mr, float[] dst) {
    int full = rows / mr * mr;
    int panelSize = kc * mr;
    for (int p = 0; p < kc; p++) {
      int src = aOffset + (p0 + p) * lda + row0;
      int d = p * mr;
      int ir = 0;
      for (; ir < full; ir += mr, d += panelSize) {
        for (int i = 0; i < mr; i++) {
          dst[d + i] = a[src + ir + i];
        }
      }
      if (ir < rows) {
        int h = rows - ir;
        for (int i = 0; i < h; i++) {
          dst[d + i] = a[src + ir + i];
        }
        for (int i = h; i < mr; i++) {
          dst[d + i] = 0f;
        }
      }
    }
  }

  /**
   * Packs {@code op(B)[p0 : p0 + kc, col0 : col0 + cols]} into {@code ceil(cols / nr)}
   * micro-panels of {@code kc * nr} floats each from {@code dst[dstOffset]}, columns past {@code
   * cols} zero-filled.
   */
  static void packB(boolean transB, float[] b, int bOffset, int ldb, int p0, int kc,
      int col0, int cols, int nr, float[] dst, int dstOffset) {
    int d = dstOffset;
    for (int jr = 0; jr < cols; jr += nr) {
      int w = Math.min(nr, cols - jr);
      if (transB) {
        // B is stored [n, k]: one op(B) column is a contiguous row of storage.
        for (int j = 0; j < w; j++) {
          int src = bOffset + (col0 + jr + j) * ldb + p0;
          for (int p = 0; p < kc; p++) {
            dst[d + p * nr + j] = b[src + p];
          }
        }
        for (int j = w; j < nr; j++) {
          for (int p = 0; p < kc; p++) {
            dst[d + p * nr + j] = 0f;
          }
        }
      } else {
        for (int p = 0; p < kc; p++) {
          int src = bOffset + (p0 + p) * ldb + col0 + jr;
          int base = d + p * nr;
          System.arraycopy(b, src, dst, base, w);
          for (int j = w; j < nr; j++) {
            dst[base + j] = 0f;
          }
        }
      }
      d += kc * nr;
    }
  }
}
