package org.seqlearn.audio.features;

import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Triangular mel filters over the bins of a one-sided spectrum, built exactly as torchaudio's
 * {@code melscale_fbanks}: {@code nMels + 2} points equally spaced in mel between fMin and fMax,
 * triangles evaluated at the bin frequencies {@code linspace(0, sampleRate // 2, nFreqs)}, and,
 * with Slaney normalisation, each triangle scaled by {@code 2 / (f[m+2] − f[m])} (constant energy
 * per band).
 *
 * <p>Stored sparsely (each filter's non-zero bin range), so applying it costs O(non-zeros ·
 * frames).
 */
public final class MelFilterBank {
  private final int nFreqs;
  private final int nMels;
  private final float[][] weights; // [nMels][hi - lo]
  private final int[] lo;

  private MelFilterBank(int nFreqs, int nMels, float[][] weights, int[] lo) {
    this.nFreqs = nFreqs;
    this.nMels = nMels;
    this.weights = weights;
    this.lo = lo;
  }

  /**
   * Builds the filter bank.
   *
   * @param nFreqs one-sided spectrum bins ({@code nFft/2 + 1})
   * @param fMin lowest frequency (Hz), ≥ 0
   * @param fMax highest frequency (Hz), &gt; fMin
   * @param nMels number of mel bands
   * @param sampleRate sample rate (Hz)
   * @param slaneyNorm divide each triangle by its width in Hz (torchaudio {@code norm='slaney'})
   * @param scale mel scale
   */
  public static MelFilterBank create(
      int nFreqs,
      double fMin,
      double fMax,
      int nMels,
      int sampleRate,
      boolean slaneyNorm,
      MelScale scale) {
    if (nFreqs < 2 || nMels < 1 || sampleRate < 1 || fMin < 0 || !(fMax > fMin)) {
      throw new IllegalArgumentException(
          "need nFreqs >= 2, nMels >= 1, sampleRate >= 1, 0 <= fMin < fMax; got nFreqs="
              + nFreqs
              + ", nMels="
              + nMels
              + ", sampleRate="
              + sampleRate
              + ", fMin="
              + fMin
              + ", fMax="
              + fMax);
    }
    double mMin = scale.hzToMel(fMin);
    double mMax = scale.hzToMel(fMax);
    double[] f = new double[nMels + 2];
    for (int i = 0; i < f.length; i++) {
      f[i] = scale.melToHz(mMin + (mMax - mMin) * i / (nMels + 1));
    }
    double nyquist = sampleRate / 2; // integer division, as torchaudio's sample_rate // 2
    float[][] w = new float[nMels][];
    int[] lo = new int[nMels];
    double[] row = new double[nFreqs];
    for (int m = 0; m < nMels; m++) {
      int first = -1;
      int last = -1;
      double enorm = slaneyNorm ? 2.0 / (f[m + 2] - f[m]) : 1.0;
      for (int k = 0; k < nFreqs; k++) {
        double fk = nyquist * k / (nFreqs - 1);
        double down = (fk - f[m]) / (f[m + 1] - f[m]);
        double up = (f[m + 2] - fk) / (f[m + 2] - f[m + 1]);
        row[k] = Math.max(0, Math.min(down, up)) * enorm;
        if (row[k] != 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      if (first < 0) {
        lo[m] = 0;
        w[m] = new float[0];
        continue;
      }
      lo[m] = first;
      w[m] = new float[last - first + 1];
      for (int k = first; k <= last; k++) {
        w[m][k - first] = (float) row[k];
      }
    }
    return new MelFilterBank(nFreqs, nMels, w, lo);
  }

  /** Spectrum bins the bank expects. */
  public int nFreqs() {
    return nFreqs;
  }

  /** Number of mel bands. */
  public int nMels() {
    return nMels;
  }

  /** Dense matrix {@code [nFreqs][nMels]}, torchaudio's {@code melscale_fbanks} layout. */
  public float[][] dense() {
    float[][] out = new float[nFreqs][nMels];
    for (int m = 0; m < nMels; m++) {
      for (int i = 0; i < weights[m].length; i++) {
        out[lo[m] + i][m] = weights[m][i];
      }
    }
    return out;
  }

  /**
   * Applies the filters: {@code mel[m, t] = Σ_k fb[k, m]·spec[k, t]}.
   *
   * @param spec {@code [nFreqs, frames]}
   * @return {@code [nMels, frames]}
   */
  public Spectrogram apply(Spectrogram spec) {
    if (spec.bins() != nFreqs) {
      throw new IllegalArgumentException(
          "spectrogram must have " + nFreqs + " bins, got " + spec.bins());
    }
    int frames = spec.frames();
    float[] in = spec.data();
    float[] out = new float[nMels * frames];
    for (int m = 0; m < nMels; m++) {
      int o = m * frames;
      float[] wm = weights[m];
      for (int i = 0; i < wm.length; i++) {
        float wv = wm[i];
        int b = (lo[m] + i) * frames;
        for (int t = 0; t < frames; t++) {
          out[o + t] += wv * in[b + t];
        }
      }
    }
    return new Spectrogram(nMels, frames, out);
  }
}
