package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD register tile for {@link GemmDriver}: 6 rows by 2 vectors (6x16 floats with 256-bit
 * AVX2). Each step of the reduction loads two vectors of the packed B row, broadcasts the six
 * packed A values one at a time and issues twelve fused multiply-adds into twelve accumulator
 * registers (12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 AVX2 registers).
 */
final class PanamaGemmKernel extends GemmMicroKernel {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int MR = 6;
  private static final int NR = 2 * L;

  static final PanamaGemmKernel INSTANCE = new PanamaGemmKernel();

  private PanamaGemmKernel() {
    super(MR, NR);
  }

  @Override
  void compute(int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    if (beta == 0f) {
      tile6(kc, a, aOffset, b, bOffset, alpha, c, cOffset, ldc);
    } else {
      tile6Acc(kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
    }
  }

  // The full tile comes in two methods, one per way of combining with C, rather than one
  // method with both: C2 compiles a Vector API method well only while its graph stays small
  // enough for every vector operation to be intrinsified, and a failed intrinsic (typically a
  // store at the end) boxes all twelve accumulators, which makes the kernel several times
  // slower. Partial panels (rare) use the generic compute6 below.

  /** The full six-row tile, {@code C = alpha * acc} (C not read). */
  private static void tile6(int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[ai + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[ai + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    int r1 = cOffset + ldc;
    int r2 = r1 + ldc;
    int r3 = r2 + ldc;
    int r4 = r3 + ldc;
    int r5 = r4 + ldc;
    c00.mul(va).intoArray(c, cOffset);
    c01.mul(va).intoArray(c, cOffset + L);
    c10.mul(va).intoArray(c, r1);
    c11.mul(va).intoArray(c, r1 + L);
    c20.mul(va).intoArray(c, r2);
    c21.mul(va).intoArray(c, r2 + L);
    c30.mul(va).intoArray(c, r3);
    c31.mul(va).intoArray(c, r3 + L);
    c40.mul(va).intoArray(c, r4);
    c41.mul(va).intoArray(c, r4 + L);
    c50.mul(va).intoArray(c, r5);
    c51.mul(va).intoArray(c, r5 + L);
  }

  /** The full six-row tile, {@code C = fma(alpha, acc, beta * C)}. */
  private static void tile6Acc(int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[ai + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[ai + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    int r1 = cOffset + ldc;
    int r2 = r1 + ldc;
    int r3 = r2 + ldc;
    int r4 = r3 + ldc;
    int r5 = r4 + ldc;
    FloatVector vb = FloatVector.broadcast(S, beta);
    c00.fma(va, FloatVector.fromArray(S, c, cOffset).mul(vb))
        .intoArray(c, cOffset);
    c01.fma(va, FloatVector.fromArray(S, c, cOffset + L).mul(vb))
        .intoArray(c, cOffset + L);
    c10.fma(va, FloatVector.fromArray(S, c, r1).mul(vb))
        .intoArray(c, r1);
    c11.fma(va, FloatVector.fromArray(S, c, r1 + L).mul(vb))
        .intoArray(c, r1 + L);
    c20.fma(va, FloatVector.fromArray(S, c, r2).mul(vb))
        .intoArray(c, r2);
    c21.fma(va, FloatVector.fromArray(S, c, r2 + L).mul(vb))
        .intoArray(c, r2 + L);
    c30.fma(va, FloatVector.fromArray(S, c, r3).mul(vb))
        .intoArray(c, r3);
    c31.fma(va, FloatVector.fromArray(S, c, r3 + L).mul(vb))
        .intoArray(c, r3 + L);
    c40.fma(va, FloatVector.fromArray(S, c, r4).mul(vb))
        .intoArray(c, r4);
    c41.fma(va, FloatVector.fromArray(S, c, r4 + L).mul(vb))
        .intoArray(c, r4 + L);
    c50.fma(va, FloatVector.fromArray(S, c, r5).mul(vb))
        .intoArray(c, r5);
    c51.fma(va, FloatVector.fromArray(S, c, r5 + L).mul(vb))
        .intoArray(c, r5 + L);
  }

  /** The six-row tile for a partial panel, storing rows {@code 0 .. rows-1} (5 or 6). */
  private static void compute6(int rows, int kc, float[] a, int aOffset, float[] b,
      int bOffset, float alpha, float beta, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    FloatVector c40 = FloatVector.zero(S);
    FloatVector c41 = FloatVector.zero(S);
    FloatVector c50 = FloatVector.zero(S);
    FloatVector c51 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
      av = FloatVector.broadcast(S, a[ai + 4]);
      c40 = av.fma(b0, c40);
      c41 = av.fma(b1, c41);
      av = FloatVector.broadcast(S, a[ai + 5]);
      c50 = av.fma(b0, c50);
      c51 = av.fma(b1, c51);
    }
    // Straight-line stores: passing vectors to a helper can lose their exact type in C2 and
    // box them, so the combination is spelled out per row.
    FloatVector va = FloatVector.broadcast(S, alpha);
    int r1 = cOffset + ldc;
    int r2 = r1 + ldc;
    int r3 = r2 + ldc;
    int r4 = r3 + ldc;
    int r5 = r4 + ldc;
    if (beta == 0f) {
      c00.mul(va).intoArray(c, cOffset);
      c01.mul(va).intoArray(c, cOffset + L);
      c10.mul(va).intoArray(c, r1);
      c11.mul(va).intoArray(c, r1 + L);
      c20.mul(va).intoArray(c, r2);
      c21.mul(va).intoArray(c, r2 + L);
      c30.mul(va).intoArray(c, r3);
      c31.mul(va).intoArray(c, r3 + L);
      c40.mul(va).intoArray(c, r4);
      c41.mul(va).intoArray(c, r4 + L);
      if (rows == MR) {
        c50.mul(va).intoArray(c, r5);
        c51.mul(va).intoArray(c, r5 + L);
      }
    } else {
      FloatVector vb = FloatVector.broadcast(S, beta);
      c00.fma(va, FloatVector.fromArray(S, c, cOffset).mul(vb)).intoArray(c, cOffset);
      c01.fma(va, FloatVector.fromArray(S, c, cOffset + L).mul(vb)).intoArray(c, cOffset + L);
      c10.fma(va, FloatVector.fromArray(S, c, r1).mul(vb)).intoArray(c, r1);
      c11.fma(va, FloatVector.fromArray(S, c, r1 + L).mul(vb)).intoArray(c, r1 + L);
      c20.fma(va, FloatVector.fromArray(S, c, r2).mul(vb)).intoArray(c, r2);
      c21.fma(va, FloatVector.fromArray(S, c, r2 + L).mul(vb)).intoArray(c, r2 + L);
      c30.fma(va, FloatVector.fromArray(S, c, r3).mul(vb)).intoArray(c, r3);
      c31.fma(va, FloatVector.fromArray(S, c, r3 + L).mul(vb)).intoArray(c, r3 + L);
      c40.fma(va, FloatVector.fromArray(S, c, r4).mul(vb)).intoArray(c, r4);
      c41.fma(va, FloatVector.fromArray(S, c, r4 + L).mul(vb)).intoArray(c, r4 + L);
      if (rows == MR) {
        c50.fma(va, FloatVector.fromArray(S, c, r5).mul(vb)).intoArray(c, r5);
        c51.fma(va, FloatVector.fromArray(S, c, r5 + L).mul(vb)).intoArray(c, r5 + L);
      }
    }
  }

  /** Two- and four-row tiles for the last, partial A panel (packed with a stride of six). */
  @Override
  void computeRows(int rows, int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    if (rows > 4) {
      compute6(rows, kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
    } else if (rows > 2) {
      compute4(rows, kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
    } else {
      compute2(rows, kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
    }
  }

  /** Rows 0..rows-1 ({@code rows} is 3 or 4) of the tile. */
  private static void compute4(int rows, int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float beta, float[] c, int cOffset, int ldc) {
    // One method per way of combining with C, as for the full tile (see above): with both in
    // one method C2 failed to intrinsify some stores and boxed the accumulators.
    if (beta == 0f) {
      tile4(rows, kc, a, aOffset, b, bOffset, alpha, c, cOffset, ldc);
    } else {
      tile4Acc(rows, kc, a, aOffset, b, bOffset, alpha, beta, c, cOffset, ldc);
    }
  }

  /** {@link #compute4} with {@code C = alpha * acc} (C not read). */
  private static void tile4(int rows, int kc, float[] a, int aOffset, float[] b, int bOffset,
      float alpha, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    int r1 = cOffset + ldc;
    int r2 = r1 + ldc;
    c00.mul(va).intoArray(c, cOffset);
    c01.mul(va).intoArray(c, cOffset + L);
    c10.mul(va).intoArray(c, r1);
    c11.mul(va).intoArray(c, r1 + L);
    c20.mul(va).intoArray(c, r2);
    c21.mul(va).intoArray(c, r2 + L);
    if (rows == 4) {
      int r3 = r2 + ldc;
      c30.mul(va).intoArray(c, r3);
      c31.mul(va).intoArray(c, r3 + L);
    }
  }

  /** {@link #compute4} with {@code C = alpha * acc + beta * C}. */
  private static void tile4Acc(int rows, int kc, float[] a, int aOffset, float[] b,
      int bOffset, float alpha, float beta, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(S, a[ai + 2]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(S, a[ai + 3]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    FloatVector vb = FloatVector.broadcast(S, beta);
    int r1 = cOffset + ldc;
    int r2 = r1 + ldc;
    c00.fma(va, FloatVector.fromArray(S, c, cOffset).mul(vb)).intoArray(c, cOffset);
    c01.fma(va, FloatVector.fromArray(S, c, cOffset + L).mul(vb)).intoArray(c, cOffset + L);
    c10.fma(va, FloatVector.fromArray(S, c, r1).mul(vb)).intoArray(c, r1);
    c11.fma(va, FloatVector.fromArray(S, c, r1 + L).mul(vb)).intoArray(c, r1 + L);
    c20.fma(va, FloatVector.fromArray(S, c, r2).mul(vb)).intoArray(c, r2);
    c21.fma(va, FloatVector.fromArray(S, c, r2 + L).mul(vb)).intoArray(c, r2 + L);
    if (rows == 4) {
      int r3 = r2 + ldc;
      c30.fma(va, FloatVector.fromArray(S, c, r3).mul(vb)).intoArray(c, r3);
      c31.fma(va, FloatVector.fromArray(S, c, r3 + L).mul(vb)).intoArray(c, r3 + L);
    }
  }

  /** Rows 0..rows-1 ({@code rows} is 1 or 2) of the tile. */
  private static void compute2(int rows, int kc, float[] a, int aOffset, float[] b,
      int bOffset, float alpha, float beta, float[] c, int cOffset, int ldc) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    for (int p = 0; p < kc; p++) {
      int bi = bOffset + p * NR;
      int ai = aOffset + p * MR;
      FloatVector b0 = FloatVector.fromArray(S, b, bi);
      FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
      FloatVector av = FloatVector.broadcast(S, a[ai]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(S, a[ai + 1]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
    }
    FloatVector va = FloatVector.broadcast(S, alpha);
    int r1 = cOffset + ldc;
    if (beta == 0f) {
      c00.mul(va).intoArray(c, cOffset);
      c01.mul(va).intoArray(c, cOffset + L);
      if (rows == 2) {
        c10.mul(va).intoArray(c, r1);
        c11.mul(va).intoArray(c, r1 + L);
      }
    } else {
      FloatVector vb = FloatVector.broadcast(S, beta);
      c00.fma(va, FloatVector.fromArray(S, c, cOffset).mul(vb)).intoArray(c, cOffset);
      c01.fma(va, FloatVector.fromArray(S, c, cOffset + L).mul(vb)).intoArray(c, cOffset + L);
      if (rows == 2) {
        c10.fma(va, FloatVector.fromArray(S, c, r1).mul(vb)).intoArray(c, r1);
        c11.fma(va, FloatVector.fromArray(S, c, r1 + L).mul(vb)).intoArray(c, r1 + L);
      }
    }
  }
}
