package org.seqlearn.audio.fft;

/**
 * A real-input DFT plan for length {@code n ≥ 1}, returning the half spectrum {@code X[0..n/2]}
 * (numpy's {@code rfft} layout) interleaved as {@code [2(n/2 + 1)]} floats.
 *
 * <p>Even lengths pack the signal into {@code n/2} complex points, run one complex FFT of half the
 * size and untangle the two interleaved spectra with precomputed twiddles; odd lengths fall back to
 * a complex FFT of length {@code n}. Not thread-safe (owns scratch); see {@link #copy()}.
 */
public final class RealFft {
  private final int n;
  private final ComplexFft half;
  private final ComplexFft full;
  private final float[] twiddle; // e^{-2πik/n}, k in [0, n/2), interleaved
  private final float[] buf;

  /** A plan for real signals of length {@code n ≥ 1}. */
  public RealFft(int n) {
    this(n, FftKernels.simd());
  }

  /** A plan whose inner complex FFT uses the vectorised passes only when {@code simd}. */
  RealFft(int n, boolean simd) {
    if (n < 1) {
      throw new IllegalArgumentException("FFT length must be >= 1, got " + n);
    }
    this.n = n;
    if (n % 2 == 0) {
      int h = n / 2;
      this.half = new ComplexFft(h, simd);
      this.full = null;
      this.twiddle = new float[2 * h];
      for (int k = 0; k < h; k++) {
        double a = -2 * Math.PI * k / n;
        twiddle[2 * k] = (float) Math.cos(a);
        twiddle[2 * k + 1] = (float) Math.sin(a);
      }
      this.buf = new float[n];
    } else {
      this.half = null;
      this.full = new ComplexFft(n, simd);
      this.twiddle = null;
      this.buf = new float[2 * n];
    }
  }

  private RealFft(RealFft o) {
    this.n = o.n;
    this.half = o.half == null ? null : o.half.copy();
    this.full = o.full == null ? null : o.full.copy();
    this.twiddle = o.twiddle;
    this.buf = new float[o.buf.length];
  }

  /** A plan sharing this one's tables but with its own scratch, for use on another thread. */
  public RealFft copy() {
    return new RealFft(this);
  }

  /** Signal length. */
  public int size() {
    return n;
  }

  /** Number of complex bins in the half spectrum, {@code n/2 + 1}. */
  public int bins() {
    return n / 2 + 1;
  }

  /**
   * Forward transform.
   *
   * @param in real signal, {@code [n]} read from {@code in[0..n)}
   * @param out half spectrum, interleaved complex {@code [2(n/2 + 1)]}
   */
  public void forward(float[] in, float[] out) {
    forward(in, 0, out);
  }

  /**
   * Forward transform of {@code in[offset..offset+n)}.
   *
   * @param out half spectrum, interleaved complex {@code [2(n/2 + 1)]}
   */
  public void forward(float[] in, int offset, float[] out) {
    if (in.length - offset < n || offset < 0) {
      throw new IllegalArgumentException(
          "need " + n + " samples from offset " + offset + ", input has " + in.length);
    }
    if (out.length < 2 * bins()) {
      throw new IllegalArgumentException(
          "spectrum must hold 2(n/2+1) = " + 2 * bins() + " floats, got " + out.length);
    }
    if (full != null) {
      for (int t = 0; t < n; t++) {
        buf[2 * t] = in[offset + t];
        buf[2 * t + 1] = 0f;
      }
      full.forward(buf);
      System.arraycopy(buf, 0, out, 0, 2 * bins());
      return;
    }
    int h = n / 2;
    if (offset == 0 && in != out) {
      half.forward(in, buf);
    } else {
      System.arraycopy(in, offset, buf, 0, n);
      half.forward(buf);
    }
    out[0] = buf[0] + buf[1];
    out[1] = 0f;
    out[2 * h] = buf[0] - buf[1];
    out[2 * h + 1] = 0f;
    // With Z = FFT_h(x[2t] + i·x[2t+1]), E = (Z[k] + Z̄[h-k])/2, O = -i(Z[k] - Z̄[h-k])/2:
    // X[k] = E + W^k·O and X[h-k] = conj(E - W^k·O), so each pair of bins shares its loads.
    int last = (h - 1) / 2;
    for (int k = 1; k <= last; k++) {
      int ik = 2 * k;
      int ic = 2 * (h - k);
      float zr = buf[ik];
      float zi = buf[ik + 1];
      float ur = buf[ic];
      float ui = buf[ic + 1];
      float er = 0.5f * (zr + ur);
      float ei = 0.5f * (zi - ui);
      float or = 0.5f * (zi + ui);
      float oi = 0.5f * (ur - zr);
      float wr = twiddle[ik];
      float wi = twiddle[ik + 1];
      float pr = wr * or - wi * oi;
      float pi = wr * oi + wi * or;
      out[ik] = er + pr;
      out[ik + 1] = ei + pi;
      out[ic] = er - pr;
      out[ic + 1] = pi - ei;
    }
    if (h % 2 == 0 && h >= 2) {
      // middle bin k = h/2: W^k = -i, Z̄[h-k] pairs with itself, X = conj(Z[h/2])
      out[h] = buf[h];
      out[h + 1] = -buf[h + 1];
    }
  }

  /**
   * Inverse transform of a Hermitian half spectrum: {@code x[t] = c·Σ_k X[k]·e^{2πi·tk/n}} over the
   * full spectrum, {@code c = 1/n} when {@code scale}. Imaginary parts of the DC and (even n)
   * Nyquist bins are ignored, as numpy's {@code irfft} does.
   *
   * @param in half spectrum, interleaved complex {@code [2(n/2 + 1)]}
   * @param out real signal {@code [n]}
   */
  public void inverse(float[] in, float[] out, boolean scale) {
    if (in.length < 2 * bins() || out.length < n) {
      throw new IllegalArgumentException(
          "need spectrum of "
              + 2 * bins()
              + " floats and output of "
              + n
              + ", got "
              + in.length
              + " and "
              + out.length);
    }
    float c = scale ? 1f / n : 1f;
    if (full != null) {
      buf[0] = in[0];
      buf[1] = 0f;
      for (int k = 1; k < bins(); k++) {
        buf[2 * k] = in[2 * k];
        buf[2 * k + 1] = in[2 * k + 1];
        buf[2 * (n - k)] = in[2 * k];
        buf[2 * (n - k) + 1] = -in[2 * k + 1];
      }
      full.inverse(buf, false);
      for (int t = 0; t < n; t++) {
        out[t] = buf[2 * t] * c;
      }
      return;
    }
    int h = n / 2;
    // Fe = (X[k] + X̄[h-k])/2, Fo = (X[k] - X̄[h-k])/(2W^k), Z = Fe + i·Fo, z = IFFT_h(Z)
    for (int k = 0; k < h; k++) {
      float xr = in[2 * k];
      float xi = k == 0 ? 0f : in[2 * k + 1];
      float yr = in[2 * (h - k)];
      float yi = k == 0 ? 0f : -in[2 * (h - k) + 1];
      float er = 0.5f * (xr + yr);
      float ei = 0.5f * (xi + yi);
      float dr = 0.5f * (xr - yr);
      float di = 0.5f * (xi - yi);
      float wr = twiddle[2 * k];
      float wi = -twiddle[2 * k + 1]; // 1/W^k = conj(W^k)
      float or = dr * wr - di * wi;
      float oi = dr * wi + di * wr;
      buf[2 * k] = er - oi;
      buf[2 * k + 1] = ei + or;
    }
    half.inverse(buf, false);
    float c2 = 2f * c;
    for (int t = 0; t < n; t++) {
      out[t] = buf[t] * c2;
    }
  }
}
