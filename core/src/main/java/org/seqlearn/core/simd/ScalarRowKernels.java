package org.seqlearn.core.simd;

/**
 * Plain-Java {@link RowKernels}: the reference the Panama ones are tested against. Its lane
 * loops also serve as the Panama family's tails, so both do the same operations per lane.
 */
final class ScalarRowKernels implements RowKernels {

  static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

  private ScalarRowKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void sumRows(float[] m, int[] offsets, int count, int n, float[] dst, int dstOff) {
    sumRows(m, offsets, count, 0, n, dst, dstOff);
  }

  @Override
  public void exchange(float g, float[] in, int inOff, float[] row, int rowOff, float[] err,
      int errOff, int n) {
    exchange(g, in, inOff, row, rowOff, err, errOff, 0, n);
  }

  /** {@link #sumRows(float[], int[], int, int, float[], int)} for lanes {@code [from, n)}. */
  static void sumRows(float[] m, int[] offsets, int count, int from, int n, float[] dst,
      int dstOff) {
    for (int j = from; j < n; j++) {
      float s = 0f;
      for (int c = 0; c < count; c++) {
        s += m[offsets[c] + j];
      }
      dst[dstOff + j] = s;
    }
  }

  /** {@link RowKernels#exchange} for lanes {@code [from, n)}. */
  static void exchange(float g, float[] in, int inOff, float[] row, int rowOff, float[] err,
      int errOff, int from, int n) {
    for (int j = from; j < n; j++) {
      float r = row[rowOff + j];
      err[errOff + j] = Math.fma(g, r, err[errOff + j]);
      row[rowOff + j] = Math.fma(g, in[inOff + j], r);
    }
  }
}
