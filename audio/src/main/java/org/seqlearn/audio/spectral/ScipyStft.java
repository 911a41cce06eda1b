package org.seqlearn.audio.spectral;

/**
 * Reproduces {@code scipy.signal.stft} (SciPy 1.10, no detrending).
 *
 * <p>The signal is extended by {@code nperseg/2} samples on both sides ({@code boundary}: even =
 * {@link PadMode#REFLECT}, odd = {@link PadMode#ODD}, constant = {@link PadMode#EDGE}, zeros =
 * {@link PadMode#CONSTANT}, or none), zero-padded at the end to a whole number of hops when {@code
 * padded}, cut into segments of {@code nperseg} every {@code nperseg − noverlap} samples, windowed
 * (periodic window), zero-padded to {@code nfft} and transformed. Values are scaled by {@code 1/Σw}
 * ({@code scaling='spectrum'}) or {@code 1/√(fs·Σw²)} ({@code scaling='psd'}).
 */
public final class ScipyStft {
  /** The frequencies (Hz), segment times (s) and the complex STFT {@code [bins, frames]}. */
  public record Result(double[] freqs, double[] times, ComplexSpectrogram z) {}

  private double fs = 1.0;
  private WindowFunction window = WindowFunction.HANN;
  private int nperseg = 256;
  private int noverlap = -1;
  private int nfft = -1;
  private PadMode boundary = PadMode.CONSTANT;
  private boolean padded = true;
  private boolean onesided = true;
  private boolean psdScaling = false;

  /** SciPy's defaults: fs=1, hann, nperseg=256, noverlap=nperseg/2, boundary='zeros', padded. */
  public ScipyStft() {}

  /** Sampling frequency (Hz). */
  public ScipyStft fs(double f) {
    if (!(f > 0)) {
      throw new IllegalArgumentException("fs must be > 0, got " + f);
    }
    this.fs = f;
    return this;
  }

  /** Window function (created periodic, as {@code get_window} does for spectra). */
  public ScipyStft window(WindowFunction w) {
    this.window = w;
    return this;
  }

  /** Segment length. */
  public ScipyStft nperseg(int n) {
    this.nperseg = n;
    return this;
  }

  /** Overlap in samples; −1 means {@code nperseg/2}. */
  public ScipyStft noverlap(int n) {
    this.noverlap = n;
    return this;
  }

  /** FFT length ≥ nperseg; −1 means nperseg. */
  public ScipyStft nfft(int n) {
    this.nfft = n;
    return this;
  }

  /** Boundary extension, or {@code null} for {@code boundary=None}. */
  public ScipyStft boundary(PadMode b) {
    this.boundary = b;
    return this;
  }

  /** Zero-pad the end to a whole number of segments. */
  public ScipyStft padded(boolean p) {
    this.padded = p;
    return this;
  }

  /** {@code return_onesided}. */
  public ScipyStft onesided(boolean o) {
    this.onesided = o;
    return this;
  }

  /** {@code scaling='psd'} (true) or {@code 'spectrum'} (false, the default). */
  public ScipyStft psdScaling(boolean p) {
    this.psdScaling = p;
    return this;
  }

  /**
   * Computes the STFT.
   *
   * @param x signal {@code [samples]}
   */
  public Result compute(float[] x) {
    int overlap = noverlap < 0 ? nperseg / 2 : noverlap;
    int fftLen = nfft < 0 ? nperseg : nfft;
    if (nperseg < 1 || overlap >= nperseg || fftLen < nperseg) {
      throw new IllegalArgumentException(
          "need nperseg >= 1, 0 <= noverlap < nperseg, nfft >= nperseg; got nperseg="
              + nperseg
              + ", noverlap="
              + overlap
              + ", nfft="
              + fftLen);
    }
    int step = nperseg - overlap;
    float[] s = boundary == null ? x : boundary.pad(x, nperseg / 2, nperseg / 2);
    if (padded) {
      int nadd = Math.floorMod(-(s.length - nperseg), step) % nperseg;
      s = java.util.Arrays.copyOf(s, s.length + nadd);
    }
    if (s.length < nperseg) {
      throw new IllegalArgumentException(
          "signal too short: need " + nperseg + " samples, got " + s.length);
    }
    int frames = (s.length - nperseg) / step + 1;
    double[] wd = window.createDouble(nperseg, true);
    float[] w = new float[nperseg];
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < nperseg; i++) {
      w[i] = (float) wd[i];
      sum += wd[i];
      sum2 += wd[i] * wd[i];
    }
    double scale = psdScaling ? 1 / Math.sqrt(fs * sum2) : 1 / sum;
    ComplexSpectrogram z = FrameAnalyzer.analyze(s, w, step, frames, fftLen, onesided, scale);
    double[] freqs = new double[z.bins()];
    for (int k = 0; k < freqs.length; k++) {
      int kk = onesided || k < (fftLen + 1) / 2 ? k : k - fftLen;
      freqs[k] = kk * fs / fftLen;
    }
    double[] times = new double[frames];
    double shift = boundary == null ? 0 : nperseg / 2.0;
    for (int t = 0; t < frames; t++) {
      times[t] = (nperseg / 2.0 + (double) t * step - shift) / fs;
    }
    return new Result(freqs, times, z);
  }
}
