package org.seqlearn.audio.fft;

/**
 * Bluestein's chirp-z DFT for a length with prime factors beyond 2, 3, 5: {@code X[k] = w̄[k]·Σ_t
 * (x[t]·w̄[t])·w[k−t]} with the chirp {@code w[t] = e^{iπt²/n}}, the convolution done by a
 * smooth-length FFT of size {@code M ≥ 2n − 1}.
 */
final class Bluestein {
  private final int n;
  private final int m;
  private final float[] chirp; // e^{-iπt²/n}, interleaved [2n]
  private final float[] filterSpectrum; // FFT_M of conj chirp, wrapped, scaled by 1/M
  private final ComplexFft inner;
  private final float[] buf;

  Bluestein(int n, boolean simd) {
    this.n = n;
    this.m = ComplexFft.nextSmooth(2 * n - 1);
    this.inner = new ComplexFft(m, simd);
    this.chirp = new float[2 * n];
    double[] cr = new double[n];
    double[] ci = new double[n];
    long twoN = 2L * n;
    for (int t = 0; t < n; t++) {
      double a = Math.PI * (((long) t * t) % twoN) / n;
      cr[t] = Math.cos(a);
      ci[t] = -Math.sin(a);
      chirp[2 * t] = (float) cr[t];
      chirp[2 * t + 1] = (float) ci[t];
    }
    float[] b = new float[2 * m];
    for (int t = 0; t < n; t++) {
      b[2 * t] = (float) (cr[t] / m);
      b[2 * t + 1] = (float) (-ci[t] / m);
      if (t > 0) {
        b[2 * (m - t)] = (float) (cr[t] / m);
        b[2 * (m - t) + 1] = (float) (-ci[t] / m);
      }
    }
    inner.forward(b);
    this.filterSpectrum = b;
    this.buf = new float[2 * m];
  }

  private Bluestein(Bluestein o) {
    this.n = o.n;
    this.m = o.m;
    this.chirp = o.chirp;
    this.filterSpectrum = o.filterSpectrum;
    this.inner = o.inner.copy();
    this.buf = new float[2 * m];
  }

  Bluestein copy() {
    return new Bluestein(this);
  }

  void forward(float[] data) {
    float[] a = buf;
    for (int t = 0; t < n; t++) {
      float xr = data[2 * t];
      float xi = data[2 * t + 1];
      float wr = chirp[2 * t];
      float wi = chirp[2 * t + 1];
      a[2 * t] = xr * wr - xi * wi;
      a[2 * t + 1] = xr * wi + xi * wr;
    }
    java.util.Arrays.fill(a, 2 * n, 2 * m, 0f);
    inner.forward(a);
    for (int k = 0; k < m; k++) {
      float ar = a[2 * k];
      float ai = a[2 * k + 1];
      float br = filterSpectrum[2 * k];
      float bi = filterSpectrum[2 * k + 1];
      // multiply and conjugate, so the forward FFT below acts as an (unscaled) inverse
      a[2 * k] = ar * br - ai * bi;
      a[2 * k + 1] = -(ar * bi + ai * br);
    }
    inner.forward(a);
    for (int k = 0; k < n; k++) {
      float cr = a[2 * k];
      float ci = -a[2 * k + 1];
      float wr = chirp[2 * k];
      float wi = chirp[2 * k + 1];
      data[2 * k] = cr * wr - ci * wi;
      data[2 * k + 1] = cr * wi + ci * wr;
    }
  }
}
