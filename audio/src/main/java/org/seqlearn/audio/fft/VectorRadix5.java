package org.seqlearn.audio.fft;

import static org.seqlearn.audio.fft.VectorOps.L;
import static org.seqlearn.audio.fft.VectorOps.S;
import static org.seqlearn.audio.fft.VectorOps.addMinusI;
import static org.seqlearn.audio.fft.VectorOps.subMinusI;
import static org.seqlearn.audio.fft.VectorOps.twiddle;

import jdk.incubator.vector.FloatVector;

/**
 * Vectorised radix-5 Stockham pass for a stride {@code s} that is a multiple of 4, the SIMD twin of
 * {@link Radix5}; the last pass ({@code m == 1}) skips the twiddles.
 */
final class VectorRadix5 {
  private static final float C1 = (float) Math.cos(2 * Math.PI / 5);
  private static final float C2 = (float) Math.cos(4 * Math.PI / 5);
  private static final float S1 = (float) Math.sin(2 * Math.PI / 5);
  private static final float S2 = (float) Math.sin(4 * Math.PI / 5);

  private VectorRadix5() {}

  static void pass(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    if (m == 1) {
      for (int a = 0; a < s2; a += L) {
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
        FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
        FloatVector a4 = FloatVector.fromArray(S, x, a + 4 * d);
        FloatVector b1 = a1.add(a4);
        FloatVector b2 = a2.add(a3);
        FloatVector d1 = a1.sub(a4);
        FloatVector d2 = a2.sub(a3);
        FloatVector r1 = b1.mul(C1).add(a0).add(b2.mul(C2));
        FloatVector r2 = b1.mul(C2).add(a0).add(b2.mul(C1));
        FloatVector i1 = d1.mul(S1).add(d2.mul(S2));
        FloatVector i2 = d1.mul(S2).sub(d2.mul(S1));
        a0.add(b1).add(b2).intoArray(y, a);
        addMinusI(r1, i1).intoArray(y, a + s2);
        addMinusI(r2, i2).intoArray(y, a + 2 * s2);
        subMinusI(r2, i2).intoArray(y, a + 3 * s2);
        subMinusI(r1, i1).intoArray(y, a + 4 * s2);
      }
      return;
    }
    for (int j = 0; j < m; j++) {
      int t = 64 * j;
      for (int q = 0; q < s2; q += L) {
        int a = 2 * s * j + q;
        int o = 10 * s * j + q;
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
        FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
        FloatVector a4 = FloatVector.fromArray(S, x, a + 4 * d);
        FloatVector b1 = a1.add(a4);
        FloatVector b2 = a2.add(a3);
        FloatVector d1 = a1.sub(a4);
        FloatVector d2 = a2.sub(a3);
        FloatVector r1 = b1.mul(C1).add(a0).add(b2.mul(C2));
        FloatVector r2 = b1.mul(C2).add(a0).add(b2.mul(C1));
        FloatVector i1 = d1.mul(S1).add(d2.mul(S2));
        FloatVector i2 = d1.mul(S2).sub(d2.mul(S1));
        a0.add(b1).add(b2).intoArray(y, o);
        twiddle(addMinusI(r1, i1), tw, t).intoArray(y, o + s2);
        twiddle(addMinusI(r2, i2), tw, t + 16).intoArray(y, o + 2 * s2);
        twiddle(subMinusI(r2, i2), tw, t + 32).intoArray(y, o + 3 * s2);
        twiddle(subMinusI(r1, i1), tw, t + 48).intoArray(y, o + 4 * s2);
      }
    }
  }
}
