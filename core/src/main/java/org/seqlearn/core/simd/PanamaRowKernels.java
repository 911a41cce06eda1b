package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowKernels} on {@code jdk.incubator.vector}: a vector of lanes at a time across all the
 * rows, then {@link ScalarRowKernels}' lane loops for the tail. A vector lane does the same
 * operations in the same order as a scalar one, so the results are the same bits.
 */
final class PanamaRowKernels implements RowKernels {

  private static final VectorSpecies<Float> S = PanamaMath.S;
  private static final int L = S.length();

  PanamaRowKernels() {}

  @Override
  public String name() {
    return "panama";
  }

  @Override
  public void sumRows(float[] m, int[] offsets, int count, int n, float[] dst, int dstOff) {
    int bound = S.loopBound(n);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector s = FloatVector.zero(S);
      for (int c = 0; c < count; c++) {
        s = s.add(FloatVector.fromArray(S, m, offsets[c] + j));
      }
      s.intoArray(dst, dstOff + j);
    }
    ScalarRowKernels.sumRows(m, offsets, count, j, n, dst, dstOff);
  }

  @Override
  public void exchange(float g, float[] in, int inOff, float[] row, int rowOff, float[] err,
      int errOff, int n) {
    FloatVector vg = FloatVector.broadcast(S, g);
    int bound = S.loopBound(n);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector r = FloatVector.fromArray(S, row, rowOff + j);
      r.fma(vg, FloatVector.fromArray(S, err, errOff + j)).intoArray(err, errOff + j);
      FloatVector.fromArray(S, in, inOff + j).fma(vg, r).intoArray(row, rowOff + j);
    }
    ScalarRowKernels.exchange(g, in, inOff, row, rowOff, err, errOff, j, n);
  }
}
