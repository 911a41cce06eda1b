package org.seqlearn.audio.spectral;

/**
 * Decibel conversion with torchaudio's {@code AmplitudeToDB} / librosa's {@code power_to_db}
 * semantics: {@code dB = m·log10(max(x, amin)) − m·log10(max(ref, amin))}, {@code m = 10} for power
 * and 20 for amplitude, then optionally clipped below at {@code max(dB) − topDb}.
 */
public final class Decibels {
  /** torchaudio's default floor, 1e-10. */
  public static final double DEFAULT_AMIN = 1e-10;

  private Decibels() {}

  /** {@code 10·log10(max(x, 1e-10))}, no clipping (e.g. matplotlib's {@code 10*log10(Pxx)}). */
  public static Spectrogram powerToDb(Spectrogram power) {
    return toDb(power, 10, 1.0, DEFAULT_AMIN, Double.NaN);
  }

  /**
   * Power (|X|²-like) values to dB.
   *
   * @param topDb dynamic range kept below the maximum, or NaN for none (torchaudio top_db=80)
   */
  public static Spectrogram powerToDb(Spectrogram power, double topDb) {
    return toDb(power, 10, 1.0, DEFAULT_AMIN, topDb);
  }

  /** Amplitude (|X|-like) values to dB: {@code 20·log10}. */
  public static Spectrogram amplitudeToDb(Spectrogram amplitude, double topDb) {
    return toDb(amplitude, 20, 1.0, DEFAULT_AMIN, topDb);
  }

  /**
   * The general form.
   *
   * @param multiplier 10 for power, 20 for amplitude
   * @param ref reference value mapped to 0 dB
   * @param amin floor applied before the logarithm, &gt; 0
   * @param topDb dynamic range to keep, or NaN for none
   */
  public static Spectrogram toDb(
      Spectrogram s, double multiplier, double ref, double amin, double topDb) {
    if (!(amin > 0)) {
      throw new IllegalArgumentException("amin must be > 0, got " + amin);
    }
    if (!Double.isNaN(topDb) && topDb < 0) {
      throw new IllegalArgumentException("topDb must be >= 0 or NaN, got " + topDb);
    }
    double offset = multiplier * Math.log10(Math.max(ref, amin));
    float[] in = s.data();
    float[] out = new float[in.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < in.length; i++) {
      double v = multiplier * Math.log10(Math.max(in[i], amin)) - offset;
      out[i] = (float) v;
      max = Math.max(max, v);
    }
    if (!Double.isNaN(topDb)) {
      float floor = (float) (max - topDb);
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(out[i], floor);
      }
    }
    return new Spectrogram(s.bins(), s.frames(), out);
  }
}
