package org.seqlearn.audio.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FftTest {
  static final int[] SIZES = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 25, 27, 30, 49, 60, 64, 97, 100, 120,
    125, 128, 200, 243, 256, 257, 400, 500, 512, 625, 720, 1000, 1009, 1024, 4096, 4099, 6000
  };

  /** Double-precision DFT, exact angles via (t·k mod n). */
  static double[] dft(double[] x, int n) {
    double[] out = new double[2 * n];
    double[] cos = new double[n];
    double[] sin = new double[n];
    for (int i = 0; i < n; i++) {
      cos[i] = Math.cos(-2 * Math.PI * i / n);
      sin[i] = Math.sin(-2 * Math.PI * i / n);
    }
    for (int k = 0; k < n; k++) {
      double sr = 0;
      double si = 0;
      for (int t = 0; t < n; t++) {
        int idx = (int) ((long) t * k % n);
        double c = cos[idx];
        double s = sin[idx];
        sr += x[2 * t] * c - x[2 * t + 1] * s;
        si += x[2 * t] * s + x[2 * t + 1] * c;
      }
      out[2 * k] = sr;
      out[2 * k + 1] = si;
    }
    return out;
  }

  static double relErr(float[] got, double[] ref, int len) {
    double maxErr = 0;
    double maxRef = 0;
    for (int i = 0; i < len; i++) {
      maxErr = Math.max(maxErr, Math.abs(got[i] - ref[i]));
      maxRef = Math.max(maxRef, Math.abs(ref[i]));
    }
    return maxErr / maxRef;
  }

  static float[] randomComplex(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[2 * n];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  @Test
  void complexForwardMatchesDoubleDft() {
    for (int n : SIZES) {
      float[] x = randomComplex(n, n);
      double[] ref = dft(toDouble(x), n);
      new ComplexFft(n).forward(x);
      assertThat(relErr(x, ref, 2 * n)).as("n=%d", n).isLessThan(1e-5);
    }
  }

  @Test
  void complexInverseRoundTrips() {
    for (int n : SIZES) {
      float[] x = randomComplex(n, 7 * n);
      float[] y = x.clone();
      ComplexFft f = new ComplexFft(n);
      f.forward(y);
      f.inverse(y, true);
      assertThat(relErr(y, toDouble(x), 2 * n)).as("n=%d", n).isLessThan(1e-5);
    }
  }

  @Test
  void realForwardMatchesDoubleDftAndInverts() {
    for (int n : SIZES) {
      Random r = new Random(n);
      float[] x = new float[n];
      double[] xc = new double[2 * n];
      for (int i = 0; i < n; i++) {
        x[i] = (float) r.nextGaussian();
        xc[2 * i] = x[i];
      }
      double[] ref = dft(xc, n);
      RealFft f = new RealFft(n);
      float[] spec = new float[2 * f.bins()];
      f.forward(x, spec);
      assertThat(relErr(spec, ref, 2 * f.bins())).as("n=%d", n).isLessThan(1e-5);
      float[] back = new float[n];
      f.copy().inverse(spec, back, true);
      assertThat(relErr(back, toDouble(x), n)).as("inverse n=%d", n).isLessThan(1e-5);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -3})
  void rejectsBadLengths(int n) {
    assertThatThrownBy(() -> new ComplexFft(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("" + n);
  }

  @Test
  void rejectsShortBuffers() {
    assertThatThrownBy(() -> new ComplexFft(8).forward(new float[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16");
  }

  @Test
  void smoothHelpers() {
    assertThat(ComplexFft.isSmooth(400)).isTrue();
    assertThat(ComplexFft.isSmooth(401)).isFalse();
    assertThat(ComplexFft.nextSmooth(401)).isEqualTo(405);
  }
}
