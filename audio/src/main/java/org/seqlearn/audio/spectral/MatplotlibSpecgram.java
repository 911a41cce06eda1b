package org.seqlearn.audio.spectral;

/**
 * Reproduces matplotlib's {@code specgram(x, NFFT, Fs, noverlap)} (one-sided, no detrending): the
 * feature extractor of the course's trigger-word exercise, where {@code NFFT=200, Fs=8000,
 * noverlap=120} gives 101 frequency bins and, for 10 s at 44.1 kHz, 5511 frames.
 *
 * <p>Frames of {@code NFFT} samples every {@code NFFT − noverlap} samples (no centring; a signal
 * shorter than NFFT is zero-padded to NFFT), a symmetric Hann window ({@code np.hanning}), an FFT
 * of {@code padTo} points. PSD mode returns {@code |X|²}, doubled except at DC (and at Nyquist when
 * NFFT is even), divided by {@code Fs·Σw²} when scaling by frequency (the default) or by {@code
 * (Σw)²} otherwise. Magnitude mode returns {@code |X| / Σw}.
 */
public final class MatplotlibSpecgram {
  /** What specgram returns: the spectrum and its axes. */
  public record Result(Spectrogram spectrum, double[] freqs, double[] times) {}

  private int nfft = 256;
  private double fs = 2;
  private int noverlap = 128;
  private int padTo = -1;
  private boolean scaleByFreq = true;
  private boolean magnitude = false;
  private float[] window;

  /** matplotlib's defaults: NFFT=256, Fs=2, noverlap=128, symmetric Hann, PSD, scale by freq. */
  public MatplotlibSpecgram() {}

  /** The course's setup: NFFT=200, Fs=8000, noverlap=120 (101 bins). */
  public static MatplotlibSpecgram triggerWord() {
    return new MatplotlibSpecgram().nfft(200).fs(8000).noverlap(120);
  }

  /** Segment length NFFT. */
  public MatplotlibSpecgram nfft(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("NFFT must be >= 1, got " + n);
    }
    this.nfft = n;
    return this;
  }

  /** Sampling frequency Fs (Hz), used for the scaling and the axes. */
  public MatplotlibSpecgram fs(double f) {
    if (!(f > 0)) {
      throw new IllegalArgumentException("Fs must be > 0, got " + f);
    }
    this.fs = f;
    return this;
  }

  /** Overlap between segments in samples, {@code 0 ≤ noverlap < NFFT}. */
  public MatplotlibSpecgram noverlap(int n) {
    this.noverlap = n;
    return this;
  }

  /** FFT length ≥ NFFT (matplotlib's {@code pad_to}); −1 means NFFT. */
  public MatplotlibSpecgram padTo(int n) {
    this.padTo = n;
    return this;
  }

  /** {@code scale_by_freq}: divide by {@code Fs·Σw²} (true) or by {@code (Σw)²}. */
  public MatplotlibSpecgram scaleByFreq(boolean b) {
    this.scaleByFreq = b;
    return this;
  }

  /** {@code mode='magnitude'} instead of {@code 'psd'}. */
  public MatplotlibSpecgram magnitudeMode(boolean b) {
    this.magnitude = b;
    return this;
  }

  /** A custom window of length NFFT instead of {@code np.hanning(NFFT)}. */
  public MatplotlibSpecgram window(float[] w) {
    this.window = w.clone();
    return this;
  }

  /**
   * Computes the spectrogram.
   *
   * @param x signal {@code [samples]}
   * @return spectrum {@code [padTo/2 + 1, frames]} (odd padTo: {@code (padTo+1)/2} bins), bin
   *     frequencies in Hz and frame-centre times in seconds
   */
  public Result compute(float[] x) {
    if (noverlap < 0 || noverlap >= nfft) {
      throw new IllegalArgumentException(
          "noverlap must be in [0, NFFT=" + nfft + "), got " + noverlap);
    }
    int fftLen = padTo < 0 ? nfft : padTo;
    if (fftLen < nfft) {
      throw new IllegalArgumentException("pad_to must be >= NFFT=" + nfft + ", got " + fftLen);
    }
    float[] w = window != null ? window : WindowFunction.HANN.create(nfft, false);
    if (w.length != nfft) {
      throw new IllegalArgumentException(
          "window length must equal NFFT=" + nfft + ", got " + w.length);
    }
    float[] sig = x.length < nfft ? java.util.Arrays.copyOf(x, nfft) : x;
    int step = nfft - noverlap;
    int frames = 1 + (sig.length - nfft) / step;
    ComplexSpectrogram c = FrameAnalyzer.analyze(sig, w, step, frames, fftLen, true, 1.0);
    int bins = fftLen % 2 == 1 ? (fftLen + 1) / 2 : fftLen / 2 + 1;
    double sumW = 0;
    double sumW2 = 0;
    for (float v : w) {
      sumW += Math.abs(v);
      sumW2 += (double) v * v;
    }
    float[] out = new float[bins * frames];
    if (magnitude) {
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (Math.hypot(c.re()[i], c.im()[i]) / sumW);
      }
    } else {
      double norm = scaleByFreq ? fs * sumW2 : sumW * sumW;
      int lastDoubled = nfft % 2 == 0 ? bins - 2 : bins - 1;
      for (int k = 0; k < bins; k++) {
        double f = (k >= 1 && k <= lastDoubled ? 2.0 : 1.0) / norm;
        for (int t = 0; t < frames; t++) {
          int i = k * frames + t;
          double p = (double) c.re()[i] * c.re()[i] + (double) c.im()[i] * c.im()[i];
          out[i] = (float) (p * f);
        }
      }
    }
    double[] freqs = new double[bins];
    for (int k = 0; k < bins; k++) {
      freqs[k] = k * fs / fftLen;
    }
    double[] times = new double[frames];
    for (int t = 0; t < frames; t++) {
      times[t] = (nfft / 2.0 + (double) t * step) / fs;
    }
    return new Result(new Spectrogram(bins, frames, out), freqs, times);
  }
}
