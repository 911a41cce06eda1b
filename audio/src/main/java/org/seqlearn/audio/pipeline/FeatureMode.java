package org.seqlearn.audio.pipeline;

/** Which time–frequency representation {@link FeatureExtractor} computes. */
public enum FeatureMode {
  /** matplotlib {@code specgram} PSD (the course's trigger-word features). */
  SPECGRAM,
  /** {@code |torch.stft|^power} (torchaudio {@code Spectrogram}). */
  STFT,
  /** {@code |scipy.signal.stft|}. */
  SCIPY,
  /** torchaudio {@code MelSpectrogram}. */
  MEL,
  /** {@code ln(mel + 1e-6)}. */
  LOGMEL,
  /** torchaudio {@code MFCC}, optionally with deltas and delta-deltas stacked below. */
  MFCC;

  /** Parses a mode name case-insensitively ({@code log-mel} and {@code logmel} both work). */
  public static FeatureMode parse(String s) {
    String k = s.replace("-", "").replace("_", "").toUpperCase(java.util.Locale.ROOT);
    for (FeatureMode m : values()) {
      if (m.name().equals(k)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "mode must be one of specgram, stft, scipy, mel, logmel, mfcc; got '" + s + "'");
  }
}
