package org.seqlearn.audio.fft;

import static org.seqlearn.audio.fft.VectorOps.L;
import static org.seqlearn.audio.fft.VectorOps.S;
import static org.seqlearn.audio.fft.VectorOps.addMinusI;
import static org.seqlearn.audio.fft.VectorOps.subMinusI;
import static org.seqlearn.audio.fft.VectorOps.twiddle;
import static org.seqlearn.audio.fft.VectorOps.twiddleLanes;

import jdk.incubator.vector.FloatVector;

/**
 * Vectorised Stockham passes, the SIMD twins of {@link Butterflies} (same indexing, same results up
 * to rounding), four complex numbers per vector. Two shapes:
 *
 * <ul>
 *   <li>stride {@code s} a multiple of 4: the four lanes are four consecutive {@code q}, which share
 *       their twiddles (the scalar tables of {@link Butterflies});
 *   <li>the first pass ({@code s = 1}, radix 4 or 8, {@code m} a multiple of 4): the lanes are four
 *       consecutive {@code j}, with their own twiddles ({@link VectorOps#lanes} tables), and the
 *       outputs are transposed on the way out.
 * </ul>
 *
 * <p>Only loaded when {@link FftKernels} chose SIMD.
 */
final class VectorPasses {
  private static final float SIN_60 = (float) Math.sin(Math.PI / 3);

  private VectorPasses() {}

  /** Whether a pass of radix {@code p}, stride {@code s}, {@code m} sub-transforms has a SIMD form. */
  static boolean handles(int p, int s, int m) {
    if (s % 4 == 0) {
      return p == 2 || p == 3 || p == 4;
    }
    return s == 1 && m % 4 == 0 && p == 4;
  }

  /** Vector twiddle table for a pass that {@link #handles} says is vectorised. */
  static float[] twiddles(int p, int s, float[] scalar) {
    return s == 1 ? VectorOps.lanes(scalar, p) : scalar;
  }

  static void pass(int p, float[] x, float[] y, int s, int m, float[] tw) {
    if (s == 1) {
      radix4FirstPass(x, y, m, tw);
      return;
    }
    switch (p) {
      case 4 -> radix4(x, y, s, m, tw);
      case 2 -> radix2(x, y, s, m, tw);
      case 3 -> radix3(x, y, s, m, tw);
      default -> throw new IllegalStateException("radix " + p);
    }
  }

  private static void radix2(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 2 * j;
      for (int q = 0; q < s2; q += L) {
        int a = 2 * s * j + q;
        int o = 4 * s * j + q;
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        a0.add(a1).intoArray(y, o);
        twiddle(a0.sub(a1), tw[t], tw[t + 1]).intoArray(y, o + s2);
      }
    }
  }

  private static void radix3(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 4 * j;
      for (int q = 0; q < s2; q += L) {
        int a = 2 * s * j + q;
        int o = 6 * s * j + q;
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
        FloatVector t1 = a1.add(a2);
        FloatVector t2 = a0.sub(t1.mul(0.5f));
        FloatVector t3 = a1.sub(a2).mul(SIN_60);
        a0.add(t1).intoArray(y, o);
        twiddle(addMinusI(t2, t3), tw[t], tw[t + 1]).intoArray(y, o + s2);
        twiddle(subMinusI(t2, t3), tw[t + 2], tw[t + 3]).intoArray(y, o + 2 * s2);
      }
    }
  }

  private static void radix4(float[] x, float[] y, int s, int m, float[] tw) {
    if (m == 1) {
      radix4NoTwiddle(x, y, s);
    } else {
      radix4Twiddled(x, y, s, m, tw);
    }
  }

  private static void radix4NoTwiddle(float[] x, float[] y, int s) {
    int d = 2 * s;
    int s2 = 2 * s;
    for (int q = 0; q < s2; q += L) {
      FloatVector a0 = FloatVector.fromArray(S, x, q);
      FloatVector a1 = FloatVector.fromArray(S, x, q + d);
      FloatVector a2 = FloatVector.fromArray(S, x, q + 2 * d);
      FloatVector a3 = FloatVector.fromArray(S, x, q + 3 * d);
      FloatVector t0 = a0.add(a2);
      FloatVector t1 = a0.sub(a2);
      FloatVector t2 = a1.add(a3);
      FloatVector t3 = a1.sub(a3);
      t0.add(t2).intoArray(y, q);
      addMinusI(t1, t3).intoArray(y, q + s2);
      t0.sub(t2).intoArray(y, q + 2 * s2);
      subMinusI(t1, t3).intoArray(y, q + 3 * s2);
    }
  }

  private static void radix4Twiddled(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 6 * j;
      for (int q = 0; q < s2; q += L) {
        int a = 2 * s * j + q;
        int o = 8 * s * j + q;
        FloatVector a0 = FloatVector.fromArray(S, x, a);
        FloatVector a1 = FloatVector.fromArray(S, x, a + d);
        FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
        FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
        FloatVector t0 = a0.add(a2);
        FloatVector t1 = a0.sub(a2);
        FloatVector t2 = a1.add(a3);
        FloatVector t3 = a1.sub(a3);
        t0.add(t2).intoArray(y, o);
        twiddle(addMinusI(t1, t3), tw[t], tw[t + 1]).intoArray(y, o + s2);
        twiddle(t0.sub(t2), tw[t + 2], tw[t + 3]).intoArray(y, o + 2 * s2);
        twiddle(subMinusI(t1, t3), tw[t + 4], tw[t + 5]).intoArray(y, o + 3 * s2);
      }
    }
  }

  private static void radix4FirstPass(float[] x, float[] y, int m, float[] tw) {
    int d = 2 * m;
    for (int j = 0; j < m; j += 4) {
      int a = 2 * j;
      int t = 12 * j;
      FloatVector a0 = FloatVector.fromArray(S, x, a);
      FloatVector a1 = FloatVector.fromArray(S, x, a + d);
      FloatVector a2 = FloatVector.fromArray(S, x, a + 2 * d);
      FloatVector a3 = FloatVector.fromArray(S, x, a + 3 * d);
      FloatVector t0 = a0.add(a2);
      FloatVector t1 = a0.sub(a2);
      FloatVector t2 = a1.add(a3);
      FloatVector t3 = a1.sub(a3);
      VectorOps.transposeInto(
          t0.add(t2),
          twiddleLanes(addMinusI(t1, t3), tw, t),
          twiddleLanes(t0.sub(t2), tw, t + 16),
          twiddleLanes(subMinusI(t1, t3), tw, t + 32),
          y,
          8 * j,
          L);
    }
  }
}
