package org.seqlearn.core.simd;

import static org.seqlearn.core.simd.PanamaFftOps.L;
import static org.seqlearn.core.simd.PanamaFftOps.S;
import static org.seqlearn.core.simd.PanamaFftOps.addMinusI;
import static org.seqlearn.core.simd.PanamaFftOps.subMinusI;
import static org.seqlearn.core.simd.PanamaFftOps.transposeInto;
import static org.seqlearn.core.simd.PanamaFftOps.twiddle;
import static org.seqlearn.core.simd.PanamaFftOps.twiddleLanes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;

/**
 * The loops of the vectorised Stockham passes described in {@link FftPasses} (the public entry
 * point, which holds no reference to {@code jdk.incubator.vector}). Each loop is a private static
 * method of type {@code (float[] x, float[] y, int s, int m, float[] tw)void}, looked up by name
 * in this class by {@link #find} and run through {@link FftPasses#run}.
 *
 * <p>Only loaded when a caller that chose SIMD asks {@link FftPasses#kernel} for a loop.
 */
final class PanamaFftPasses {
  private static final float SIN_60 = (float) Math.sin(Math.PI / 3);
  private static final MethodType KERNEL_TYPE =
      MethodType.methodType(
          void.class, float[].class, float[].class, int.class, int.class, float[].class);

  private PanamaFftPasses() {}

  /** The loop called {@code name} in this class, as a handle of the kernel type. */
  static MethodHandle find(String name) {
    try {
      return MethodHandles.lookup().findStatic(PanamaFftPasses.class, name, KERNEL_TYPE);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
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

  private static void radix4NoTwiddle(float[] x, float[] y, int s, int m, float[] tw) {
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

  private static void radix4FirstPass(float[] x, float[] y, int s, int m, float[] tw) {
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
      transposeInto(
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
