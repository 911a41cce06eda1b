package org.seqlearn.audio.features;

import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Delta (time-derivative) features with torchaudio's {@code compute_deltas}: {@code d[t] =
 * Σ_{n=1..N} n·(c[t+n] − c[t−n]) / (2·Σ n²)}, {@code N = (winLength − 1)/2}, edges replicated.
 */
public final class Deltas {
  private Deltas() {}

  /**
   * @param s features {@code [bins, frames]}
   * @param winLength odd window ≥ 3 (torchaudio default 5)
   * @return deltas {@code [bins, frames]}
   */
  public static Spectrogram compute(Spectrogram s, int winLength) {
    if (winLength < 3) {
      throw new IllegalArgumentException("winLength must be >= 3, got " + winLength);
    }
    int n = (winLength - 1) / 2;
    double denom = n * (n + 1) * (2.0 * n + 1) / 3;
    int frames = s.frames();
    float[] in = s.data();
    float[] out = new float[in.length];
    for (int b = 0; b < s.bins(); b++) {
      int row = b * frames;
      for (int t = 0; t < frames; t++) {
        double acc = 0;
        for (int k = 1; k <= n; k++) {
          float right = in[row + Math.min(frames - 1, t + k)];
          float left = in[row + Math.max(0, t - k)];
          acc += k * ((double) right - left);
        }
        out[row + t] = (float) (acc / denom);
      }
    }
    return new Spectrogram(s.bins(), frames, out);
  }
}
