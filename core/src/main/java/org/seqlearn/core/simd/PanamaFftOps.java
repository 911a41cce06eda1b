package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Complex arithmetic on 256-bit vectors of four interleaved complex numbers {@code [r0, i0, ...,
 * r3, i3]}, shared by the vectorised FFT passes ({@link PanamaFftPasses}). Only loaded once
 * {@link FftPasses#supported} found the vector module readable, or when a caller that chose SIMD
 * runs a pass.
 */
final class PanamaFftOps {
  /** Eight floats, four complex numbers. */
  static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

  /** Floats per vector ({@link FftPasses#LANE_FLOATS}). */
  static final int L = FftPasses.LANE_FLOATS;

  private static final VectorShuffle<Float> SWAP =
      VectorShuffle.fromValues(S, 1, 0, 3, 2, 5, 4, 7, 6);
  private static final FloatVector NEG_IM =
      FloatVector.fromArray(S, new float[] {1, -1, 1, -1, 1, -1, 1, -1}, 0);
  private static final FloatVector NEG_RE =
      FloatVector.fromArray(S, new float[] {-1, 1, -1, 1, -1, 1, -1, 1}, 0);

  /** Moves complex lane c to c+1 (lane 0 gets lane 3): {@code [z3, z0, z1, z2]}. */
  private static final VectorShuffle<Float> UP =
      VectorShuffle.fromValues(S, 6, 7, 0, 1, 2, 3, 4, 5);

  /** Moves complex lane c to c−1: {@code [z1, z2, z3, z0]}. */
  private static final VectorShuffle<Float> DOWN =
      VectorShuffle.fromValues(S, 2, 3, 4, 5, 6, 7, 0, 1);

  /** Swaps the 128-bit halves: {@code [z2, z3, z0, z1]}. */
  private static final VectorShuffle<Float> HALVES =
      VectorShuffle.fromValues(S, 4, 5, 6, 7, 0, 1, 2, 3);

  /** True on the odd complex lanes (1 and 3). */
  private static final VectorMask<Float> ODD =
      VectorMask.fromValues(S, false, false, true, true, false, false, true, true);

  /** True on the high half (complex lanes 2 and 3). */
  private static final VectorMask<Float> HIGH =
      VectorMask.fromValues(S, false, false, false, false, true, true, true, true);

  private PanamaFftOps() {}

  private static FloatVector swap(FloatVector v) {
    return v.rearrange(SWAP);
  }

  /** {@code a + b·(−i)}. */
  static FloatVector addMinusI(FloatVector a, FloatVector b) {
    return swap(b).fma(NEG_IM, a);
  }

  /** {@code a − b·(−i)}. */
  static FloatVector subMinusI(FloatVector a, FloatVector b) {
    return swap(b).fma(NEG_RE, a);
  }

  /**
   * {@code v·w} for four twiddles, one per lane, stored at {@code tw[t..t+16)} (see {@link
   * FftPasses#twiddles}).
   */
  static FloatVector twiddleLanes(FloatVector v, float[] tw, int t) {
    FloatVector wr = FloatVector.fromArray(S, tw, t);
    FloatVector wi = FloatVector.fromArray(S, tw, t + L);
    return swap(v).fma(wi, v.mul(wr));
  }

  /** Whether this JVM has 256-bit float vectors in hardware. */
  static boolean supported() {
    return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
  }

  /** {@code v·w} for one twiddle {@code w = wr + i·wi} shared by the four lanes. */
  static FloatVector twiddle(FloatVector v, float wr, float wi) {
    return swap(v).mul(NEG_RE).fma(FloatVector.broadcast(S, wi), v.mul(wr));
  }

  /**
   * Transposes a 4×4 block of complex numbers: rows {@code a, b, c, d} (four complex each) become
   * columns, stored as four vectors at {@code y[o]}, {@code y[o + step]}, {@code y[o + 2·step]},
   * {@code y[o + 3·step]}.
   */
  static void transposeInto(
      FloatVector a, FloatVector b, FloatVector c, FloatVector d, float[] y, int o, int step) {
    // [a0 b0 a2 b2], [a1 b1 a3 b3], [c0 d0 c2 d2], [c1 d1 c3 d3]
    FloatVector ab02 = a.blend(b.rearrange(UP), ODD);
    FloatVector ab13 = a.rearrange(DOWN).blend(b, ODD);
    FloatVector cd02 = c.blend(d.rearrange(UP), ODD);
    FloatVector cd13 = c.rearrange(DOWN).blend(d, ODD);
    ab02.blend(cd02.rearrange(HALVES), HIGH).intoArray(y, o);
    ab13.blend(cd13.rearrange(HALVES), HIGH).intoArray(y, o + step);
    ab02.rearrange(HALVES).blend(cd02, HIGH).intoArray(y, o + 2 * step);
    ab13.rearrange(HALVES).blend(cd13, HIGH).intoArray(y, o + 3 * step);
  }
}
