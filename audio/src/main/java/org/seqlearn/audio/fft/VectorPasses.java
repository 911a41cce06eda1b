package org.seqlearn.audio.fft;

import static org.seqlearn.audio.fft.VectorOps.L;
import static org.seqlearn.audio.fft.VectorOps.S;
import static org.seqlearn.audio.fft.VectorOps.addMinusI;
import static org.seqlearn.audio.fft.VectorOps.subMinusI;
import static org.seqlearn.audio.fft.VectorOps.twiddle;
import static org.seqlearn.audio.fft.VectorOps.twiddleLanes;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import jdk.incubator.vector.FloatVector;

/**
 * Vectorised Stockham passes, the SIMD twins of {@link Butterflies} (same indexing, same results up
 * to rounding), four complex numbers per vector, for radix 2, 3 and 4 (radix 5 and 8 butterflies
 * are too big, see below). Two shapes:
 *
 * <ul>
 *   <li>stride {@code s} a multiple of 4: the four lanes are four consecutive {@code q}, which
 *       share their twiddles (the scalar tables of {@link Butterflies});
 *   <li>the first pass ({@code s = 1}, radix 4, {@code m} a multiple of 4): the lanes are four
 *       consecutive {@code j}, with their own twiddles ({@link VectorOps#lanes} tables), and the
 *       outputs are transposed on the way out.
 * </ul>
 *
 * <p>Each loop is kept small and is called through {@link #run}: on JDK 17, C2 gives up inlining
 * vector operations past a node budget and then boxes the vectors on the heap, which a radix-5 or
 * radix-8 loop already exceeds on its own (measured with JMH {@code -prof gc}).
 *
 * <p>Only loaded when {@link FftKernels} chose SIMD.
 */
final class VectorPasses {
  private static final float SIN_60 = (float) Math.sin(Math.PI / 3);
  private static final MethodType KERNEL_TYPE =
      MethodType.methodType(
          void.class, float[].class, float[].class, int.class, int.class, float[].class);

  private VectorPasses() {}

  /** Whether a pass of radix {@code p}, stride {@code s} and {@code m} sub-transforms is SIMD. */
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

  /**
   * The loop for a pass that {@link #handles} says is vectorised, as a handle of type {@code
   * (float[] x, float[] y, int s, int m, float[] tw)void}, to be called by {@link #run}.
   */
  static MethodHandle kernel(int p, int s, int m) {
    String name;
    if (s == 1) {
      name = "radix4FirstPass";
    } else {
      name =
          switch (p) {
            case 4 -> m == 1 ? "radix4NoTwiddle" : "radix4Twiddled";
            case 2 -> "radix2";
            case 3 -> "radix3";
            default -> throw new IllegalArgumentException("no vectorised radix-" + p + " pass");
          };
    }
    try {
      return MethodHandles.lookup().findStatic(VectorPasses.class, name, KERNEL_TYPE);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs a {@link #kernel}. The handle is not a compile-time constant, so C2 never inlines the
   * loop into its caller: each loop is compiled on its own. Inlined together, the vector operations
   * of several loops exceed C2's inlining node budget on JDK 17, and the vectors left over are
   * boxed on the heap (hundreds of bytes per butterfly, several times slower).
   */
  static void run(MethodHandle kernel, float[] x, float[] y, int s, int m, float[] tw) {
    try {
      kernel.invokeExact(x, y, s, m, tw);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
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
