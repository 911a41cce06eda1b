package org.seqlearn.audio.spectral;

/**
 * Tapering windows, as SciPy's {@code get_window}, NumPy's {@code hanning} and PyTorch's {@code
 * *_window} define them.
 *
 * <p>A <em>symmetric</em> window of length N has {@code w[t] = f(t / (N−1))} (NumPy's {@code
 * np.hanning}, MATLAB, filter design). A <em>periodic</em> one is the symmetric window of length
 * N+1 without its last point (SciPy {@code fftbins=True}, PyTorch {@code periodic=True}), the right
 * choice for spectral analysis.
 */
public enum WindowFunction {
  /** All ones (PyTorch's {@code torch.stft} default when no window is given). */
  RECTANGULAR(1, 0, 0),
  /** {@code 0.5 − 0.5·cos(2πt/M)}. */
  HANN(0.5, 0.5, 0),
  /** {@code 0.54 − 0.46·cos(2πt/M)}. */
  HAMMING(0.54, 0.46, 0),
  /** {@code 0.42 − 0.5·cos(2πt/M) + 0.08·cos(4πt/M)}. */
  BLACKMAN(0.42, 0.5, 0.08);

  private final double a0;
  private final double a1;
  private final double a2;

  WindowFunction(double a0, double a1, double a2) {
    this.a0 = a0;
    this.a1 = a1;
    this.a2 = a2;
  }

  /**
   * The window as floats.
   *
   * @param n length, ≥ 1
   * @param periodic true for the periodic (DFT-even) form, false for the symmetric form
   * @return {@code [n]} window values
   */
  public float[] create(int n, boolean periodic) {
    double[] w = createDouble(n, periodic);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) w[i];
    }
    return out;
  }

  /** {@link #create} in double precision. */
  public double[] createDouble(int n, boolean periodic) {
    if (n < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + n);
    }
    double[] w = new double[n];
    if (n == 1) {
      w[0] = 1;
      return w;
    }
    int m = periodic ? n : n - 1;
    for (int t = 0; t < n; t++) {
      double x = 2 * Math.PI * t / m;
      w[t] = a0 - a1 * Math.cos(x) + a2 * Math.cos(2 * x);
    }
    return w;
  }

  /**
   * Parses {@code hann}, {@code hanning}, {@code hamming}, {@code blackman}, {@code rect}/{@code
   * ones}/{@code boxcar}.
   */
  public static WindowFunction parse(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "hann", "hanning" -> HANN;
      case "hamming" -> HAMMING;
      case "blackman" -> BLACKMAN;
      case "rect", "rectangular", "ones", "boxcar", "none" -> RECTANGULAR;
      default ->
          throw new IllegalArgumentException(
              "window must be one of hann, hamming, blackman, rectangular; got '" + name + "'");
    };
  }
}
