package org.seqlearn.audio.spectral;

/**
 * Settings of a PyTorch-style STFT ({@code torch.stft} / torchaudio {@code Spectrogram}).
 *
 * @param nFft FFT size; one-sided output has {@code nFft/2 + 1} bins
 * @param hopLength samples between frames
 * @param winLength window length ≤ nFft; the window is zero-padded on both sides to nFft
 * @param window window function (periodic form, as {@code torch.hann_window} by default)
 * @param periodic periodic (true, PyTorch default) or symmetric window
 * @param center pad the signal by {@code nFft/2} on both sides so frame t is centred on sample
 *     {@code t·hopLength}
 * @param padMode how to pad when centring
 * @param onesided return bins {@code 0..nFft/2} only
 * @param normalized multiply by {@code nFft^-1/2} ({@code normalized=True})
 */
public record StftConfig(
    int nFft,
    int hopLength,
    int winLength,
    WindowFunction window,
    boolean periodic,
    boolean center,
    PadMode padMode,
    boolean onesided,
    boolean normalized) {

  /** Validates the sizes. */
  public StftConfig {
    if (nFft < 1 || hopLength < 1 || winLength < 1 || winLength > nFft) {
      throw new IllegalArgumentException(
          "need nFft >= 1, hopLength >= 1, 1 <= winLength <= nFft; got nFft="
              + nFft
              + ", hopLength="
              + hopLength
              + ", winLength="
              + winLength);
    }
  }

  /**
   * torchaudio's defaults for a given FFT size: periodic Hann of length nFft, hop nFft/2
   * (torchaudio uses {@code win_length // 2}), centred with reflect padding, one-sided, not
   * normalised.
   */
  public static StftConfig of(int nFft) {
    return new StftConfig(
        nFft,
        Math.max(1, nFft / 2),
        nFft,
        WindowFunction.HANN,
        true,
        true,
        PadMode.REFLECT,
        true,
        false);
  }

  /** Copy with another hop length. */
  public StftConfig withHop(int hop) {
    return new StftConfig(
        nFft, hop, winLength, window, periodic, center, padMode, onesided, normalized);
  }

  /** Copy with another window length. */
  public StftConfig withWinLength(int w) {
    return new StftConfig(
        nFft, hopLength, w, window, periodic, center, padMode, onesided, normalized);
  }

  /** Copy with another window function. */
  public StftConfig withWindow(WindowFunction w, boolean isPeriodic) {
    return new StftConfig(
        nFft, hopLength, winLength, w, isPeriodic, center, padMode, onesided, normalized);
  }

  /** Copy with centring on or off and the pad mode. */
  public StftConfig withCenter(boolean c, PadMode mode) {
    return new StftConfig(
        nFft, hopLength, winLength, window, periodic, c, mode, onesided, normalized);
  }

  /** Copy with one- or two-sided output. */
  public StftConfig withOnesided(boolean o) {
    return new StftConfig(
        nFft, hopLength, winLength, window, periodic, center, padMode, o, normalized);
  }

  /** Copy with normalisation on or off. */
  public StftConfig withNormalized(boolean n) {
    return new StftConfig(
        nFft, hopLength, winLength, window, periodic, center, padMode, onesided, n);
  }

  /** The window zero-padded on both sides to {@code [nFft]}, as {@code torch.stft} places it. */
  public float[] paddedWindow() {
    float[] w = window.create(winLength, periodic);
    float[] out = new float[nFft];
    System.arraycopy(w, 0, out, (nFft - winLength) / 2, winLength);
    return out;
  }

  /** Frames produced for a signal of {@code samples} samples (0 if it is too short). */
  public int frames(int samples) {
    int len = center ? samples + 2 * (nFft / 2) : samples;
    return len < nFft ? 0 : 1 + (len - nFft) / hopLength;
  }
}
