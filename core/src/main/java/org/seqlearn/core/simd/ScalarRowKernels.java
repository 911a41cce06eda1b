package org.seqlearn.core.simd;

/** Plain-Java {@link RowKernels}: the reference the Panama ones are tested against. */
final class ScalarRowKernels implements RowKernels {

  static final ScalarRowKernels INSTANCE = new ScalarRowKernels();

  private ScalarRowKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void sumRows(float[] m, int[] offsets, int count, int n, float[] dst, int dstOff) {
    for (int j = 0; j < n; j++) {
      float s = 0f;
      for (int c = 0; c < count; c++) {
        s += m[offsets[c] + j];
      }
      dst[dstOff + j] = s;
    }
  }

  @Override
  public void exchange(float g, float[] in, int inOff, float[] row, int rowOff, float[] err,
      int errOff, int n) {
    for (int j = 0; j < n; j++) {
      float r = row[rowOff + j];
      err[errOff + j] = Math.fma(g, r, err[errOff + j]);
      row[rowOff + j] = Math.fma(g, in[inOff + j], r);
    }
  }
}
