package org.seqlearn.audio.features;

/** Hertz ↔ mel conversions, as torchaudio and librosa define them. */
public enum MelScale {
  /** HTK: {@code mel = 2595·log10(1 + f/700)}. */
  HTK,
  /**
   * Slaney (Auditory Toolbox, librosa's default): linear {@code f / (200/3)} below 1 kHz,
   * logarithmic with step {@code ln(6.4)/27} above.
   */
  SLANEY;

  private static final double F_SP = 200.0 / 3;
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
  private static final double LOGSTEP = Math.log(6.4) / 27.0;

  /** Frequency (Hz) to mel. */
  public double hzToMel(double hz) {
    if (this == HTK) {
      return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }
    return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP : hz / F_SP;
  }

  /** Mel to frequency (Hz). */
  public double melToHz(double mel) {
    if (this == HTK) {
      return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
    return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
  }

  /** Parses {@code htk} or {@code slaney}. */
  public static MelScale parse(String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "htk" -> HTK;
      case "slaney" -> SLANEY;
      default ->
          throw new IllegalArgumentException("mel scale must be htk or slaney, got '" + s + "'");
    };
  }
}
