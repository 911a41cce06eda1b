package org.seqlearn.audio.features;

import org.seqlearn.audio.spectral.Decibels;
import org.seqlearn.audio.spectral.Spectrogram;
import org.seqlearn.audio.spectral.Stft;
import org.seqlearn.audio.spectral.StftConfig;

/**
 * Mel spectrogram with torchaudio's {@code MelSpectrogram} semantics: {@code |STFT|^power} then a
 * {@link MelFilterBank}. Immutable and thread-safe; build one per setting and reuse it.
 *
 * <!-- given: float[] samples -->
 * <pre>{@code
 * MelSpectrogram mel = MelSpectrogram.builder(16000).nFft(400).hop(160).nMels(80).build();
 * Spectrogram logMel = mel.logMel(samples);           // [80, frames], ln(mel + 1e-6)
 * }</pre>
 */
public final class MelSpectrogram {
  private final int sampleRate;
  private final StftConfig stft;
  private final double power;
  private final MelFilterBank bank;

  private MelSpectrogram(Builder b) {
    this.sampleRate = b.sampleRate;
    int win = b.winLength > 0 ? b.winLength : b.nFft;
    int hop = b.hop > 0 ? b.hop : Math.max(1, win / 2);
    this.stft =
        StftConfig.of(b.nFft)
            .withWinLength(win)
            .withHop(hop)
            .withWindow(b.window, true)
            .withCenter(b.center, b.padMode);
    this.power = b.power;
    double fMax = b.fMax > 0 ? b.fMax : sampleRate / 2;
    this.bank =
        MelFilterBank.create(
            b.nFft / 2 + 1, b.fMin, fMax, b.nMels, sampleRate, b.slaneyNorm, b.scale);
  }

  /** A builder with torchaudio's defaults for {@code sampleRate}. */
  public static Builder builder(int sampleRate) {
    return new Builder(sampleRate);
  }

  /** The STFT settings in use. */
  public StftConfig stftConfig() {
    return stft;
  }

  /** The filter bank in use. */
  public MelFilterBank filterBank() {
    return bank;
  }

  /** Sample rate (Hz) the features assume. */
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * The mel spectrogram.
   *
   * @param x mono signal {@code [samples]} at {@link #sampleRate()}
   * @return {@code [nMels, frames]}
   */
  public Spectrogram compute(float[] x) {
    return bank.apply(Stft.spectrogram(x, stft, power));
  }

  /**
   * Natural-log mel spectrogram {@code ln(mel + eps)} with eps = 1e-6 (torchaudio MFCC's log_mels).
   */
  public Spectrogram logMel(float[] x) {
    return log(compute(x), 1e-6);
  }

  /** {@code ln(s + eps)} elementwise. */
  public static Spectrogram log(Spectrogram s, double eps) {
    float[] in = s.data();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = (float) Math.log(in[i] + eps);
    }
    return new Spectrogram(s.bins(), s.frames(), out);
  }

  /** Mel spectrogram in dB (power → 10·log10, amplitude → 20·log10), clipped at topDb below max. */
  public Spectrogram decibels(float[] x, double topDb) {
    Spectrogram mel = compute(x);
    return power == 1 ? Decibels.amplitudeToDb(mel, topDb) : Decibels.powerToDb(mel, topDb);
  }

  /** Settings, named and defaulted as in torchaudio's {@code MelSpectrogram}. */
  public static final class Builder {
    private final int sampleRate;
    private int nFft = 400;
    private int winLength = -1;
    private int hop = -1;
    private double fMin = 0;
    private double fMax = -1;
    private int nMels = 128;
    private double power = 2.0;
    private boolean center = true;
    private org.seqlearn.audio.spectral.PadMode padMode =
        org.seqlearn.audio.spectral.PadMode.REFLECT;
    private org.seqlearn.audio.spectral.WindowFunction window =
        org.seqlearn.audio.spectral.WindowFunction.HANN;
    private boolean slaneyNorm = false;
    private MelScale scale = MelScale.HTK;

    private Builder(int sampleRate) {
      if (sampleRate < 1) {
        throw new IllegalArgumentException("sample rate must be >= 1, got " + sampleRate);
      }
      this.sampleRate = sampleRate;
    }

    /** FFT size (default 400). */
    public Builder nFft(int n) {
      this.nFft = n;
      return this;
    }

    /** Window length (default nFft). */
    public Builder winLength(int n) {
      this.winLength = n;
      return this;
    }

    /** Hop length (default winLength / 2). */
    public Builder hop(int n) {
      this.hop = n;
      return this;
    }

    /** Lowest filter frequency in Hz (default 0). */
    public Builder fMin(double f) {
      this.fMin = f;
      return this;
    }

    /** Highest filter frequency in Hz (default sampleRate // 2). */
    public Builder fMax(double f) {
      this.fMax = f;
      return this;
    }

    /** Number of mel bands (default 128). */
    public Builder nMels(int n) {
      this.nMels = n;
      return this;
    }

    /** Exponent of the magnitude: 2 = power (default), 1 = magnitude. */
    public Builder power(double p) {
      if (!(p > 0)) {
        throw new IllegalArgumentException("power must be > 0, got " + p);
      }
      this.power = p;
      return this;
    }

    /** Centre frames with the given padding (default true, reflect). */
    public Builder center(boolean c, org.seqlearn.audio.spectral.PadMode mode) {
      this.center = c;
      this.padMode = mode;
      return this;
    }

    /** Window function (periodic; default Hann). */
    public Builder window(org.seqlearn.audio.spectral.WindowFunction w) {
      this.window = w;
      return this;
    }

    /** Slaney area normalisation of the filters (torchaudio {@code norm='slaney'}). */
    public Builder slaneyNorm(boolean s) {
      this.slaneyNorm = s;
      return this;
    }

    /** Mel scale (default HTK, as torchaudio). */
    public Builder scale(MelScale s) {
      this.scale = s;
      return this;
    }

    /** The configured, immutable transform. */
    public MelSpectrogram build() {
      return new MelSpectrogram(this);
    }
  }
}
