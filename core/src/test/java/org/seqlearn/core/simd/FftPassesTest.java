package org.seqlearn.core.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandle;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each vectorised FFT pass shape against a direct evaluation of the Stockham pass formula in
 * double precision; the twiddle-lane table layout; the shape rules. (The audio FFT tests compare
 * whole plans, SIMD against scalar.)
 */
class FftPassesTest {

  @Test
  void supportedNeverThrowsAndFollowsTheModule() {
    boolean supported = FftPasses.supported();
    if (!KernelProvider.vectorModuleReadable()) {
      assertThat(supported).isFalse();
    }
  }

  @Test
  void handlesStrideMultipleOfFourAndRadixFourFirstPasses() {
    assertThat(FftPasses.handles(2, 4, 3)).isTrue();
    assertThat(FftPasses.handles(3, 8, 5)).isTrue();
    assertThat(FftPasses.handles(4, 12, 1)).isTrue();
    assertThat(FftPasses.handles(5, 4, 2)).isFalse();
    assertThat(FftPasses.handles(8, 4, 2)).isFalse();
    assertThat(FftPasses.handles(4, 1, 8)).isTrue();
    assertThat(FftPasses.handles(4, 1, 6)).isFalse();
    assertThat(FftPasses.handles(2, 1, 8)).isFalse();
    assertThat(FftPasses.handles(4, 2, 8)).isFalse();
    assertThatThrownBy(() -> FftPasses.kernel(5, 4, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twiddleLanesHoldRealTwiceThenMinusAndPlusImaginary() {
    int p = 4;
    int m = 8;
    float[] scalar = table(p, m);
    assertThat(FftPasses.twiddles(p, 4, scalar)).isSameAs(scalar);
    float[] lanes = FftPasses.twiddles(p, 1, scalar);
    assertThat(lanes.length).isGreaterThanOrEqualTo(16 * (p - 1) * m / 4);
    for (int j = 0; j < m; j++) {
      for (int k = 1; k < p; k++) {
        int from = 2 * ((p - 1) * j + k - 1);
        int base = 16 * ((p - 1) * (j / 4) + k - 1) + 2 * (j % 4);
        assertThat(lanes[base]).isEqualTo(scalar[from]);
        assertThat(lanes[base + 1]).isEqualTo(scalar[from]);
        assertThat(lanes[base + 8]).isEqualTo(-scalar[from + 1]);
        assertThat(lanes[base + 9]).isEqualTo(scalar[from + 1]);
      }
    }
  }

  @Test
  void everyPassShapeMatchesTheStockhamFormula() {
    assumeTrue(FftPasses.supported(), "needs the Vector API and 256-bit vectors");
    int[][] shapes = {
      {2, 4, 3}, {2, 8, 1}, {3, 4, 5}, {3, 8, 1}, {4, 4, 1}, {4, 8, 6}, {4, 12, 2}, {4, 1, 4},
      {4, 1, 16}, {4, 1, 12}
    };
    for (int[] shape : shapes) {
      int p = shape[0];
      int s = shape[1];
      int m = shape[2];
      float[] x = new float[2 * p * s * m];
      Random r = new Random(31L * p + 7L * s + m);
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) r.nextGaussian();
      }
      float[] scalar = table(p, m);
      MethodHandle kernel = FftPasses.kernel(p, s, m);
      float[] y = new float[x.length];
      FftPasses.run(kernel, x, y, s, m, FftPasses.twiddles(p, s, scalar));
      double[] ref = reference(x, p, s, m);
      double err = 0;
      double norm = 0;
      for (int i = 0; i < y.length; i++) {
        err += (y[i] - ref[i]) * (y[i] - ref[i]);
        norm += ref[i] * ref[i];
      }
      assertThat(Math.sqrt(err / norm)).as("p=%d s=%d m=%d", p, s, m).isLessThan(1e-6);
    }
  }

  /** The scalar table: W^{jk} at tw[2((p-1)j + k-1)], W = e^{-2πi/(pm)}. */
  private static float[] table(int p, int m) {
    int len = p * m;
    float[] tw = new float[2 * (p - 1) * m];
    for (int j = 0; j < m; j++) {
      for (int k = 1; k < p; k++) {
        double a = -2 * Math.PI * ((long) j * k % len) / len;
        tw[2 * ((p - 1) * j + k - 1)] = (float) Math.cos(a);
        tw[2 * ((p - 1) * j + k - 1) + 1] = (float) Math.sin(a);
      }
    }
    return tw;
  }

  /** y[q + s(pj + k)] = Σ_r x[q + s(j + rm)]·e^{-2πi·rk/p} · e^{-2πi·jk/(pm)}, in double. */
  private static double[] reference(float[] x, int p, int s, int m) {
    double[] y = new double[x.length];
    for (int j = 0; j < m; j++) {
      for (int q = 0; q < s; q++) {
        for (int k = 0; k < p; k++) {
          double re = 0;
          double im = 0;
          for (int r = 0; r < p; r++) {
            int a = 2 * (q + s * (j + r * m));
            double ang = -2 * Math.PI * r * k / p;
            re += x[a] * Math.cos(ang) - x[a + 1] * Math.sin(ang);
            im += x[a] * Math.sin(ang) + x[a + 1] * Math.cos(ang);
          }
          double w = -2 * Math.PI * j * k / (p * m);
          int o = 2 * (q + s * (p * j + k));
          y[o] = re * Math.cos(w) - im * Math.sin(w);
          y[o + 1] = re * Math.sin(w) + im * Math.cos(w);
        }
      }
    }
    return y;
  }
}
