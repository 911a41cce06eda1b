package org.seqlearn.audio.features;

import org.seqlearn.audio.spectral.Decibels;
import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Mel-frequency cepstral coefficients with torchaudio's {@code MFCC} semantics: a mel spectrogram,
 * then either dB with top_db = 80 ({@code AmplitudeToDB('power', 80)}, the default) or {@code
 * ln(mel + 1e-6)} ({@code log_mels=True}), then a DCT-II over the mel axis keeping the first {@code
 * nMfcc} coefficients. Immutable and thread-safe.
 */
public final class Mfcc {
  private final MelSpectrogram mel;
  private final int nMfcc;
  private final boolean logMels;
  private final double topDb;
  private final double[][] dct; // [nMels][nMfcc]

  /**
   * @param mel the mel front end (its nMels ≥ nMfcc)
   * @param nMfcc coefficients kept
   * @param ortho orthonormal DCT ({@code norm='ortho'}, torchaudio's default)
   * @param logMels use {@code ln(mel + 1e-6)} instead of dB
   * @param topDb dB dynamic range when not logMels (torchaudio: 80), NaN for none
   */
  public Mfcc(MelSpectrogram mel, int nMfcc, boolean ortho, boolean logMels, double topDb) {
    this.mel = mel;
    this.nMfcc = nMfcc;
    this.logMels = logMels;
    this.topDb = topDb;
    float[][] d = Dct.matrix(nMfcc, mel.filterBank().nMels(), ortho);
    this.dct = new double[d.length][nMfcc];
    for (int n = 0; n < d.length; n++) {
      for (int k = 0; k < nMfcc; k++) {
        dct[n][k] = d[n][k];
      }
    }
  }

  /** torchaudio's defaults: ortho DCT, dB with top_db 80. */
  public static Mfcc of(MelSpectrogram mel, int nMfcc) {
    return new Mfcc(mel, nMfcc, true, false, 80.0);
  }

  /** Number of coefficients. */
  public int nMfcc() {
    return nMfcc;
  }

  /**
   * @param x mono signal {@code [samples]}
   * @return {@code [nMfcc, frames]}
   */
  public Spectrogram compute(float[] x) {
    Spectrogram m = mel.compute(x);
    Spectrogram logm = logMels ? MelSpectrogram.log(m, 1e-6) : Decibels.powerToDb(m, topDb);
    return fromLogMel(logm);
  }

  /** Applies the DCT to a log-mel spectrogram {@code [nMels, frames]} → {@code [nMfcc, frames]}. */
  public Spectrogram fromLogMel(Spectrogram logMel) {
    int nMels = dct.length;
    if (logMel.bins() != nMels) {
      throw new IllegalArgumentException(
          "log-mel must have " + nMels + " bands, got " + logMel.bins());
    }
    int frames = logMel.frames();
    float[] in = logMel.data();
    double[] acc = new double[nMfcc * frames];
    for (int n = 0; n < nMels; n++) {
      for (int k = 0; k < nMfcc; k++) {
        double w = dct[n][k];
        int o = k * frames;
        int b = n * frames;
        for (int t = 0; t < frames; t++) {
          acc[o + t] += w * in[b + t];
        }
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) acc[i];
    }
    return new Spectrogram(nMfcc, frames, out);
  }
}
