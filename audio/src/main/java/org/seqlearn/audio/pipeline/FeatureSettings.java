package org.seqlearn.audio.pipeline;

import org.seqlearn.audio.features.MelScale;
import org.seqlearn.audio.spectral.PadMode;
import org.seqlearn.audio.spectral.WindowFunction;

/**
 * Every setting of the feature front end, with defaults (public mutable fields, meant to be filled
 * from a command line or config and then handed to {@link FeatureExtractor}). Unset sizes are −1
 * and resolved per mode: specgram NFFT=200/noverlap=120 (the course), otherwise nFft=400,
 * winLength=nFft, hop=winLength/2 (torchaudio).
 */
public final class FeatureSettings {
  /** Representation to compute. */
  public FeatureMode mode = FeatureMode.SPECGRAM;

  /** Channel to use, or −1 to mix all channels down to mono. */
  public int channel = -1;

  /** Resample to this rate (Hz) first, or −1 to keep the file's rate. */
  public int resampleTo = -1;

  /** FFT size (matplotlib NFFT / SciPy nfft / torch n_fft). */
  public int nFft = -1;

  /** Window length (SciPy nperseg; torch win_length). */
  public int winLength = -1;

  /** Hop between frames in samples (for specgram/SciPy: segment length − noverlap). */
  public int hop = -1;

  /** Overlap for specgram and SciPy; overrides hop there. */
  public int noverlap = -1;

  /** Window function. */
  public WindowFunction window = WindowFunction.HANN;

  /**
   * Periodic window (false: symmetric). Specgram always uses the symmetric Hann like matplotlib
   * unless the window or this flag is changed.
   */
  public Boolean periodic = null;

  /** Centre frames (torch) / extend the boundary (SciPy). */
  public boolean center = true;

  /** Padding used when centring. */
  public PadMode padMode = PadMode.REFLECT;

  /** Magnitude exponent for stft/mel (2 = power). */
  public double power = 2.0;

  /**
   * Sampling frequency passed to matplotlib's specgram ({@code Fs}); −1 = the audio's rate. The
   * course passes 8000 whatever the file's rate.
   */
  public double specgramFs = -1;

  /** SciPy {@code scaling='psd'}. */
  public boolean psdScaling = false;

  /** Mel bands. */
  public int nMels = 128;

  /** Lowest mel frequency (Hz). */
  public double fMin = 0;

  /** Highest mel frequency (Hz), −1 = Nyquist. */
  public double fMax = -1;

  /** Mel scale. */
  public MelScale melScale = MelScale.HTK;

  /** Slaney area normalisation of the mel filters. */
  public boolean slaneyNorm = false;

  /** MFCC coefficients. */
  public int nMfcc = 40;

  /** MFCC from ln(mel + 1e-6) instead of dB. */
  public boolean logMels = false;

  /** Append deltas and delta-deltas to MFCCs. */
  public boolean deltas = false;

  /** Delta window length. */
  public int deltaWin = 5;

  /** Convert the result to dB (specgram, stft, scipy, mel). */
  public boolean decibels = false;

  /** dB dynamic range (MFCC uses 80 as torchaudio); NaN = unclipped. */
  public double topDb = Double.NaN;
}
