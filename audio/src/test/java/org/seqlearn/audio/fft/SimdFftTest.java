package org.seqlearn.audio.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.simd.FftPasses;

/**
 * The vectorised passes ({@link FftPasses}) agree with the scalar ones, on sizes that exercise
 * every pass shape.
 */
class SimdFftTest {
  /** Every radix as first, middle and last pass; first passes with m % 4 != 0; Bluestein. */
  static final int[] SIZES = {
    4, 8, 12, 16, 20, 24, 32, 40, 48, 60, 64, 80, 96, 100, 120, 128, 160, 192, 200, 240, 256, 320,
    384, 400, 480, 500, 512, 640, 720, 768, 960, 1000, 1024, 1200, 1536, 2000, 2048, 3000, 4096,
    4099, 6000, 8192
  };

  @BeforeAll
  static void needsVectorApi() {
    assumeTrue(FftPasses.supported(), "needs the Vector API and 256-bit vectors");
  }

  @Test
  void simdRadicesMultiplyToNAndPreferRadixFour() {
    for (int n = 1; n <= 5000; n++) {
      int[] scalar = ComplexFft.factor(n);
      int[] simd = ComplexFft.factorSimd(n);
      if (scalar == null) {
        assertThat(simd).as("n=%d", n).isNull();
        continue;
      }
      int product = Arrays.stream(simd).reduce(1, (a, b) -> a * b);
      assertThat(product).as("n=%d", n).isEqualTo(n);
    }
    assertThat(ComplexFft.factorSimd(4096)).containsExactly(4, 4, 4, 4, 4, 4);
    assertThat(ComplexFft.factorSimd(2048)).containsExactly(4, 4, 4, 4, 8);
    assertThat(ComplexFft.factorSimd(400)).containsExactly(4, 4, 5, 5);
  }

  @Test
  void complexForwardMatchesScalarPasses() {
    for (int n : SIZES) {
      float[] x = FftTest.randomComplex(n, 31L * n);
      float[] scalar = x.clone();
      float[] simd = x.clone();
      new ComplexFft(n, false).forward(scalar);
      new ComplexFft(n, true).forward(simd);
      assertThat(FftTest.relErr(simd, FftTest.toDouble(scalar), 2 * n))
          .as("n=%d", n)
          .isLessThan(1e-6);
    }
  }

  @Test
  void complexForwardMatchesDoubleDft() {
    for (int n : new int[] {16, 64, 96, 128, 256, 400, 512, 768, 1024, 2048}) {
      float[] x = FftTest.randomComplex(n, n + 5L);
      double[] ref = FftTest.dft(FftTest.toDouble(x), n);
      new ComplexFft(n, true).forward(x);
      assertThat(FftTest.relErr(x, ref, 2 * n)).as("n=%d", n).isLessThan(1e-5);
    }
  }

  @Test
  void realForwardAndInverseMatchScalarPasses() {
    for (int n : SIZES) {
      int len = 2 * n;
      Random r = new Random(len);
      float[] x = new float[len];
      for (int i = 0; i < len; i++) {
        x[i] = (float) r.nextGaussian();
      }
      RealFft scalar = new RealFft(len, false);
      RealFft simd = new RealFft(len, true);
      float[] specScalar = new float[2 * scalar.bins()];
      float[] specSimd = new float[2 * simd.bins()];
      scalar.forward(x, specScalar);
      simd.forward(x, specSimd);
      assertThat(FftTest.relErr(specSimd, FftTest.toDouble(specScalar), specScalar.length))
          .as("n=%d", len)
          .isLessThan(1e-6);
      float[] back = new float[len];
      simd.inverse(specSimd, back, true);
      assertThat(FftTest.relErr(back, FftTest.toDouble(x), len))
          .as("inverse n=%d", len)
          .isLessThan(1e-5);
    }
  }
}
