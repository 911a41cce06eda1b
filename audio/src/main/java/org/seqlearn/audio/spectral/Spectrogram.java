package org.seqlearn.audio.spectral;

/**
 * A real time–frequency matrix {@code [bins, frames]} (frequency-major, as torchaudio and
 * matplotlib return it): a magnitude, power, mel or dB spectrogram, or MFCCs. Element {@code (k,
 * t)} is at {@code data[k·frames + t]}.
 *
 * @param bins rows (frequency bins, mel bands or coefficients)
 * @param frames columns (time frames)
 * @param data values {@code [bins·frames]}
 */
public record Spectrogram(int bins, int frames, float[] data) {
  /** Validates the size. */
  public Spectrogram {
    if (bins < 0 || frames < 0 || data.length != (long) bins * frames) {
      throw new IllegalArgumentException(
          "data must hold bins*frames = " + bins + "*" + frames + ", got " + data.length);
    }
  }

  /** Value at {@code (bin, frame)}. */
  public float get(int bin, int frame) {
    return data[bin * frames + frame];
  }

  /** Time-major copy {@code [frames][bins]}, the {@code [time, features]} layout models take. */
  public float[][] timeMajor() {
    float[][] out = new float[frames][bins];
    for (int k = 0; k < bins; k++) {
      for (int t = 0; t < frames; t++) {
        out[t][k] = data[k * frames + t];
      }
    }
    return out;
  }

  /** Largest value (−∞ when empty). */
  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Smallest value (+∞ when empty). */
  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }
}
