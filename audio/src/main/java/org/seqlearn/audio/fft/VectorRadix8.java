package org.seqlearn.audio.fft;

import static org.seqlearn.audio.fft.VectorOps.L;
import static org.seqlearn.audio.fft.VectorOps.S;
import static org.seqlearn.audio.fft.VectorOps.addMinusI;
import static org.seqlearn.audio.fft.VectorOps.mulMinusI;
import static org.seqlearn.audio.fft.VectorOps.subMinusI;
import static org.seqlearn.audio.fft.VectorOps.twiddle;

import jdk.incubator.vector.FloatVector;

/**
 * Vectorised radix-8 Stockham pass, the SIMD twin of {@link Radix8} (see {@link VectorPasses} for
 * the two lane layouts). Each loop body is the whole butterfly written out, so that every vector
 * stays in a register.
 */
final class VectorRadix8 {
  private static final float H = (float) Math.sqrt(0.5);

  private VectorRadix8() {}

  /** Stride {@code s} a multiple of 4. */
  static void pass(float[] x, float[] y, int s, int m, float[] tw) {
    if (m == 1) {
      noTwiddle(x, y, s);
      return;
    }
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 112 * j;
      for (int q = 0; q < s2; q += L) {
        int a = 2 * s * j + q;
        int o = 16 * s * j + q;
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
        FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
        FloatVector a4 = FloatVector.fromArray(S, x, a + 4 * d);
        FloatVector a5 = FloatVector.fromArray(S, x, a + 5 * d);
        FloatVector a6 = FloatVector.fromArray(S, x, a + 6 * d);
        FloatVector a7 = FloatVector.fromArray(S, x, a + 7 * d);
        FloatVector b0 = a0.add(a4);
        FloatVector b1 = a1.add(a5);
        FloatVector b2 = a2.add(a6);
        FloatVector b3 = a3.add(a7);
        FloatVector c0 = a0.sub(a4);
        FloatVector d1 = a1.sub(a5);
        FloatVector c1 = addMinusI(d1, d1).mul(H);
        FloatVector d2 = a2.sub(a6);
        FloatVector d3 = a3.sub(a7);
        FloatVector c3 = mulMinusI(d3).sub(d3).mul(H);
        FloatVector e0 = b0.add(b2);
        FloatVector e1 = b0.sub(b2);
        FloatVector e2 = b1.add(b3);
        FloatVector e3 = b1.sub(b3);
        FloatVector f0 = addMinusI(c0, d2);
        FloatVector f1 = subMinusI(c0, d2);
        FloatVector f2 = c1.add(c3);
        FloatVector f3 = c1.sub(c3);
        e0.add(e2).intoArray(y, o);
        twiddle(f0.add(f2), tw, t).intoArray(y, o + s2);
        twiddle(addMinusI(e1, e3), tw, t + 16).intoArray(y, o + 2 * s2);
        twiddle(addMinusI(f1, f3), tw, t + 32).intoArray(y, o + 3 * s2);
        twiddle(e0.sub(e2), tw, t + 48).intoArray(y, o + 4 * s2);
        twiddle(f0.sub(f2), tw, t + 64).intoArray(y, o + 5 * s2);
        twiddle(subMinusI(e1, e3), tw, t + 80).intoArray(y, o + 6 * s2);
        twiddle(subMinusI(f1, f3), tw, t + 96).intoArray(y, o + 7 * s2);
      }
    }
  }

  private static void noTwiddle(float[] x, float[] y, int s) {
    int d = 2 * s;
    for (int a = 0; a < d; a += L) {
      FloatVector a0 = FloatVector.fromArray(S, x, a);
      FloatVector a1 = FloatVector.fromArray(S, x, a + d);
      FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
      FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
      FloatVector a4 = FloatVector.fromArray(S, x, a + 4 * d);
      FloatVector a5 = FloatVector.fromArray(S, x, a + 5 * d);
      FloatVector a6 = FloatVector.fromArray(S, x, a + 6 * d);
      FloatVector a7 = FloatVector.fromArray(S, x, a + 7 * d);
      FloatVector b0 = a0.add(a4);
      FloatVector b1 = a1.add(a5);
      FloatVector b2 = a2.add(a6);
      FloatVector b3 = a3.add(a7);
      FloatVector c0 = a0.sub(a4);
      FloatVector d1 = a1.sub(a5);
      FloatVector c1 = addMinusI(d1, d1).mul(H);
      FloatVector d2 = a2.sub(a6);
      FloatVector d3 = a3.sub(a7);
      FloatVector c3 = mulMinusI(d3).sub(d3).mul(H);
      FloatVector e0 = b0.add(b2);
      FloatVector e1 = b0.sub(b2);
      FloatVector e2 = b1.add(b3);
      FloatVector e3 = b1.sub(b3);
      FloatVector f0 = addMinusI(c0, d2);
      FloatVector f1 = subMinusI(c0, d2);
      FloatVector f2 = c1.add(c3);
      FloatVector f3 = c1.sub(c3);
      e0.add(e2).intoArray(y, a);
      f0.add(f2).intoArray(y, a + d);
      addMinusI(e1, e3).intoArray(y, a + 2 * d);
      addMinusI(f1, f3).intoArray(y, a + 3 * d);
      e0.sub(e2).intoArray(y, a + 4 * d);
      f0.sub(f2).intoArray(y, a + 5 * d);
      subMinusI(e1, e3).intoArray(y, a + 6 * d);
      subMinusI(f1, f3).intoArray(y, a + 7 * d);
    }
  }

  /** First pass ({@code s = 1}, {@code m} a multiple of 4): lanes are four consecutive j. */
  static void firstPass(float[] x, float[] y, int m, float[] tw) {
    int d = 2 * m;
    for (int j = 0; j < m; j += 4) {
      int a = 2 * j;
      int t = 28 * j;
      int o = 16 * j;
      FloatVector a0 = FloatVector.fromArray(S, x, a);
      FloatVector a1 = FloatVector.fromArray(S, x, a + d);
      FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
      FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
      FloatVector a4 = FloatVector.fromArray(S, x, a + 4 * d);
      FloatVector a5 = FloatVector.fromArray(S, x, a + 5 * d);
      FloatVector a6 = FloatVector.fromArray(S, x, a + 6 * d);
      FloatVector a7 = FloatVector.fromArray(S, x, a + 7 * d);
      FloatVector b0 = a0.add(a4);
      FloatVector b1 = a1.add(a5);
      FloatVector b2 = a2.add(a6);
      FloatVector b3 = a3.add(a7);
      FloatVector c0 = a0.sub(a4);
      FloatVector d1 = a1.sub(a5);
      FloatVector c1 = addMinusI(d1, d1).mul(H);
      FloatVector d2 = a2.sub(a6);
      FloatVector d3 = a3.sub(a7);
      FloatVector c3 = mulMinusI(d3).sub(d3).mul(H);
      FloatVector e0 = b0.add(b2);
      FloatVector e1 = b0.sub(b2);
      FloatVector e2 = b1.add(b3);
      FloatVector e3 = b1.sub(b3);
      FloatVector f0 = addMinusI(c0, d2);
      FloatVector f1 = subMinusI(c0, d2);
      FloatVector f2 = c1.add(c3);
      FloatVector f3 = c1.sub(c3);
      // outputs k = 0..3 of the four j go to vectors 0, 2, 4, 6 of the block; k = 4..7 to 1, 3, 5, 7
      VectorOps.transposeInto(
          e0.add(e2),
          twiddle(f0.add(f2), tw, t),
          twiddle(addMinusI(e1, e3), tw, t + 16),
          twiddle(addMinusI(f1, f3), tw, t + 32),
          y,
          o,
          2 * L);
      VectorOps.transposeInto(
          twiddle(e0.sub(e2), tw, t + 48),
          twiddle(f0.sub(f2), tw, t + 64),
          twiddle(subMinusI(e1, e3), tw, t + 80),
          twiddle(subMinusI(f1, f3), tw, t + 96),
          y,
          o + L,
          2 * L);
    }
  }
}
