package org.seqlearn.audio.spectral;

/**
 * Short-time Fourier transform with {@code torch.stft} semantics (and torchaudio's {@code
 * Spectrogram} when followed by {@link ComplexSpectrogram#abs}).
 *
 * <p>With {@code center}, the signal is padded by {@code nFft/2} on both sides using the pad mode;
 * frame t covers padded samples {@code [t·hop, t·hop + nFft)}, multiplied by the window centred in
 * the frame; frames = {@code 1 + (paddedLength − nFft) / hop}.
 */
public final class Stft {
  private Stft() {}

  /**
   * @param x signal {@code [samples]}
   * @return {@code [bins, frames]} with bins = nFft/2 + 1 (one-sided) or nFft
   */
  public static ComplexSpectrogram forward(float[] x, StftConfig c) {
    float[] padded = c.center() ? c.padMode().pad(x, c.nFft() / 2, c.nFft() / 2) : x;
    if (padded.length < c.nFft()) {
      throw new IllegalArgumentException(
          "signal too short: need at least "
              + c.nFft()
              + " samples after padding, got "
              + padded.length);
    }
    int frames = c.frames(x.length);
    double scale = c.normalized() ? 1 / Math.sqrt(c.nFft()) : 1;
    return FrameAnalyzer.analyze(
        padded, c.paddedWindow(), c.hopLength(), frames, c.nFft(), c.onesided(), scale);
  }

  /** {@code |STFT(x)|^power}: torchaudio {@code Spectrogram(power=...)}, {@code [bins, frames]}. */
  public static Spectrogram spectrogram(float[] x, StftConfig c, double power) {
    return forward(x, c).abs(power);
  }
}
