package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised {@code exp}, {@code tanh} and {@code sigmoid} for float lanes, accurate to a few
 * ulp (relative error about 1e-7) over the whole float range.
 *
 * <p>{@code exp} uses Cody-Waite range reduction {@code x = n ln2 + r}, {@code |r| <= ln2/2}, a
 * degree-7 minimax polynomial for {@code e^r} (Cephes {@code expf}) and a two-step scaling by
 * {@code 2^n} so that results overflow to {@code +inf} and underflow gradually through the
 * subnormals to 0. {@code tanh} uses an odd polynomial for {@code |x| < 0.625} and {@code 1 -
 * 2 / (e^{2|x|} + 1)} beyond, which saturates to exactly ±1. NaN in gives NaN out.
 */
final class PanamaMath {

  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  static final int L = S.length();

  private static final float LOG2E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer. */
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
  /** e^89 overflows float; e^-110 is below half the smallest subnormal. */
  private static final float EXP_HI = 89f;
  private static final float EXP_LO = -110f;

  private static final float E0 = 1.9875691500e-4f;
  private static final float E1 = 1.3981999507e-3f;
  private static final float E2 = 8.3334519073e-3f;
  private static final float E3 = 4.1665795894e-2f;
  private static final float E4 = 1.6666665459e-1f;
  private static final float E5 = 5.0000001201e-1f;

  private static final float TANH_SMALL = 0.625f;
  private static final float T0 = -5.70498872745e-3f;
  private static final float T1 = 2.06390887954e-2f;
  private static final float T2 = -5.37397155531e-2f;
  private static final float T3 = 1.33314422036e-1f;
  private static final float T4 = -3.33332819422e-1f;

  private PanamaMath() {}

  /** Lane-wise {@code e^x}. */
  static FloatVector exp(FloatVector x) {
    // Clamp with compare + blend: cheaper than Java-semantics min/max, and a NaN lane fails
    // both compares, stays NaN and propagates through the arithmetic to the result.
    FloatVector xc = x.blend(EXP_HI, x.compare(VectorOperators.GT, EXP_HI));
    xc = xc.blend(EXP_LO, xc.compare(VectorOperators.LT, EXP_LO));
    FloatVector t = xc.fma(LOG2E, ROUNDER);
    FloatVector n = t.sub(ROUNDER);
    IntVector ni = t.reinterpretAsInts();
    ni = ni.sub(ROUNDER_BITS);
    FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), xc);
    r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
    FloatVector p = r.fma(E0, E1);
    p = p.fma(r, FloatVector.broadcast(S, E2));
    p = p.fma(r, FloatVector.broadcast(S, E3));
    p = p.fma(r, FloatVector.broadcast(S, E4));
    p = p.fma(r, FloatVector.broadcast(S, E5));
    FloatVector e = p.fma(r.mul(r), r).add(1f);
    IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
    IntVector n2 = ni.sub(n1);
    FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23)
        .reinterpretAsFloats();
    FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23)
        .reinterpretAsFloats();
    return e.mul(s1).mul(s2);
  }

  /** Lane-wise {@code tanh(x)}. */
  static FloatVector tanh(FloatVector x) {
    FloatVector ax = x.abs();
    FloatVector z = x.mul(x);
    FloatVector p = z.fma(T0, T1);
    p = p.fma(z, FloatVector.broadcast(S, T2));
    p = p.fma(z, FloatVector.broadcast(S, T3));
    p = p.fma(z, FloatVector.broadcast(S, T4));
    FloatVector small = p.mul(z).fma(x, x);
    FloatVector big = FloatVector.broadcast(S, 1f)
        .sub(FloatVector.broadcast(S, 2f).div(exp(ax.add(ax)).add(1f)));
    VectorMask<Float> isSmall = ax.lt(TANH_SMALL);
    // Both branches have the sign of x in exact arithmetic; set it explicitly so that -0 and
    // the saturated big branch come out right.
    IntVector sign = x.reinterpretAsInts().and(0x80000000);
    return big.blend(small, isSmall).abs().reinterpretAsInts().or(sign).reinterpretAsFloats();
  }

  /** Lane-wise {@code 1 / (1 + e^-x)}. */
  static FloatVector sigmoid(FloatVector x) {
    // 0 - x rather than neg(): the sign of zero does not matter for e^-x.
    FloatVector one = FloatVector.broadcast(S, 1f);
    return one.div(exp(FloatVector.zero(S).sub(x)).add(one));
  }

  // One array loop per function: a single method holding all three loops grows past C2's
  // inlining budget and the last loop's vectors end up boxed.

  /** {@code dst[i] = e^src[i]} for {@code n} elements. */
  static void exp(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    int bound = S.loopBound(n);
    int i = 0;
    for (; i < bound; i += L) {
      exp(FloatVector.fromArray(S, src, srcOffset + i)).intoArray(dst, dstOffset + i);
    }
    if (i < n) {
      float[] pad = tail(src, srcOffset + i, n - i);
      exp(FloatVector.fromArray(S, pad, 0)).intoArray(pad, 0);
      System.arraycopy(pad, 0, dst, dstOffset + i, n - i);
    }
  }

  // The array loops of tanh and sigmoid spell the whole computation out in the loop body, exp
  // included, instead of calling tanh(FloatVector) / exp(FloatVector): those are too big for
  // C2 to inline once they have been compiled on their own, and a vector passed to or returned
  // from a method that is not inlined is boxed, which makes the loop several times slower. Each
  // operation is the same as in the vector methods, so the results are the same bits.

  /** {@code dst[i] = tanh(src[i])} for {@code n} elements. */
  static void tanh(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    int bound = S.loopBound(n);
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector two = FloatVector.broadcast(S, 2f);
    for (; i < bound; i += L) {
      FloatVector x = FloatVector.fromArray(S, src, srcOffset + i);
      FloatVector ax = x.abs();
      FloatVector z = x.mul(x);
      FloatVector q = z.fma(T0, T1);
      q = q.fma(z, FloatVector.broadcast(S, T2));
      q = q.fma(z, FloatVector.broadcast(S, T3));
      q = q.fma(z, FloatVector.broadcast(S, T4));
      FloatVector small = q.mul(z).fma(x, x);
      // exp(2|x|), inline, for the lanes that use it (|x| >= 0.625, or NaN): the argument is
      // at least 1.25, so no lower clamp, and one scaling by 2^n suffices. Where it overflows
      // (n = 128) to infinity rather than to a finite e^r 2^128, 2 / (e + 1) is below 1e-38
      // either way and 1 minus it is exactly 1: the same bits as exp(FloatVector) would give.
      FloatVector xe = ax.add(ax);
      FloatVector xc = xe.blend(EXP_HI, xe.compare(VectorOperators.GT, EXP_HI));
      FloatVector t = xc.fma(LOG2E, ROUNDER);
      FloatVector nf = t.sub(ROUNDER);
      IntVector ni = t.reinterpretAsInts().sub(ROUNDER_BITS);
      FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), xc);
      r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
      FloatVector p = r.fma(E0, E1);
      p = p.fma(r, FloatVector.broadcast(S, E2));
      p = p.fma(r, FloatVector.broadcast(S, E3));
      p = p.fma(r, FloatVector.broadcast(S, E4));
      p = p.fma(r, FloatVector.broadcast(S, E5));
      FloatVector e = p.fma(r.mul(r), r).add(1f);
      FloatVector scale = ni.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      FloatVector big = one.sub(two.div(e.mul(scale).add(1f)));
      VectorMask<Float> isSmall = ax.lt(TANH_SMALL);
      IntVector sign = x.reinterpretAsInts().and(0x80000000);
      big.blend(small, isSmall).abs().reinterpretAsInts().or(sign).reinterpretAsFloats()
          .intoArray(dst, dstOffset + i);
    }
    if (i < n) {
      float[] pad = tail(src, srcOffset + i, n - i);
      tanh(FloatVector.fromArray(S, pad, 0)).intoArray(pad, 0);
      System.arraycopy(pad, 0, dst, dstOffset + i, n - i);
    }
  }

  /** {@code dst[i] = sigmoid(src[i])} for {@code n} elements. */
  static void sigmoid(float[] src, int srcOffset, float[] dst, int dstOffset, int n) {
    int bound = S.loopBound(n);
    int i = 0;
    FloatVector one = FloatVector.broadcast(S, 1f);
    FloatVector zero = FloatVector.zero(S);
    for (; i < bound; i += L) {
      FloatVector x = zero.sub(FloatVector.fromArray(S, src, srcOffset + i));
      // exp(-x), inline
      FloatVector xc = x.blend(EXP_HI, x.compare(VectorOperators.GT, EXP_HI));
      xc = xc.blend(EXP_LO, xc.compare(VectorOperators.LT, EXP_LO));
      FloatVector t = xc.fma(LOG2E, ROUNDER);
      FloatVector nf = t.sub(ROUNDER);
      IntVector ni = t.reinterpretAsInts().sub(ROUNDER_BITS);
      FloatVector r = nf.fma(FloatVector.broadcast(S, -LN2_HI), xc);
      r = nf.fma(FloatVector.broadcast(S, -LN2_LO), r);
      FloatVector p = r.fma(E0, E1);
      p = p.fma(r, FloatVector.broadcast(S, E2));
      p = p.fma(r, FloatVector.broadcast(S, E3));
      p = p.fma(r, FloatVector.broadcast(S, E4));
      p = p.fma(r, FloatVector.broadcast(S, E5));
      FloatVector e = p.fma(r.mul(r), r).add(1f);
      IntVector n1 = ni.lanewise(VectorOperators.ASHR, 1);
      IntVector n2 = ni.sub(n1);
      FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
      one.div(e.mul(s1).mul(s2).add(one)).intoArray(dst, dstOffset + i);
    }
    if (i < n) {
      float[] pad = tail(src, srcOffset + i, n - i);
      sigmoid(FloatVector.fromArray(S, pad, 0)).intoArray(pad, 0);
      System.arraycopy(pad, 0, dst, dstOffset + i, n - i);
    }
  }

  /** The last {@code count < L} elements in a zero-padded lane-sized array. */
  private static float[] tail(float[] src, int from, int count) {
    float[] pad = new float[L];
    System.arraycopy(src, from, pad, 0, count);
    return pad;
  }

  /**
   * Softmax of one row: {@code dst[j] = e^(src[j] - max) / sum}, reading each element before
   * writing it, so {@code src} and {@code dst} may be the same range.
   */
  static void softmaxRow(float[] src, int s, float[] dst, int d, int cols) {
    float max = PanamaReductions.max(src, s, cols);
    FloatVector vmax = FloatVector.broadcast(S, max);
    FloatVector acc = FloatVector.zero(S);
    int bound = S.loopBound(cols);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector e = exp(FloatVector.fromArray(S, src, s + j).sub(vmax));
      e.intoArray(dst, d + j);
      acc = acc.add(e);
    }
    float total = acc.reduceLanes(VectorOperators.ADD);
    if (j < cols) {
      float[] pad = tail(src, s + j, cols - j);
      exp(FloatVector.fromArray(S, pad, 0).sub(vmax)).intoArray(pad, 0);
      for (int t = 0; t < cols - j; t++) {
        dst[d + j + t] = pad[t];
        total += pad[t];
      }
    }
    PanamaElementwise.scale(1f / total, dst, d, cols);
  }
}
