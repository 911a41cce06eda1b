package org.seqlearn.audio.asr;

import org.seqlearn.audio.features.MelSpectrogram;
import org.seqlearn.audio.resample.Resampler;
import org.seqlearn.audio.spectral.Spectrogram;
import org.seqlearn.audio.wav.Audio;

/**
 * The recogniser's front end: mono audio resampled to 16 kHz, a log-mel spectrogram (25 ms Hann
 * windows every 10 ms, {@value #MELS} HTK mel bands, {@code log(power + 1e-6)}), then each band
 * normalised to zero mean and unit variance over the utterance (so loudness and channel do not
 * matter). Output {@code [frames, MELS]}, time-major.
 */
public final class SpeechFeatures {
  /** Sample rate the features are computed at. */
  public static final int SAMPLE_RATE = 16000;
  /** Mel bands per frame. */
  public static final int MELS = 40;
  /** Samples between frames (10 ms). */
  public static final int HOP = 160;

  private static final MelSpectrogram MEL =
      MelSpectrogram.builder(SAMPLE_RATE).nFft(400).hop(HOP).nMels(MELS).build();

  private SpeechFeatures() {}

  /** Features of an audio clip (mixed to mono, resampled if needed): {@code [frames][MELS]}. */
  public static float[][] of(Audio audio) {
    float[] x = audio.mixToMono();
    if (audio.sampleRate() != SAMPLE_RATE) {
      x = Resampler.of(audio.sampleRate(), SAMPLE_RATE).resample(x);
    }
    if (x.length < 400) {
      throw new IllegalArgumentException("expected at least 25 ms of audio (400 samples at 16 "
          + "kHz), got " + x.length);
    }
    Spectrogram logMel = MelSpectrogram.log(MEL.compute(x), 1e-6);
    float[][] f = logMel.timeMajor();
    for (int b = 0; b < MELS; b++) {
      double mean = 0;
      for (float[] frame : f) {
        mean += frame[b];
      }
      mean /= f.length;
      double var = 0;
      for (float[] frame : f) {
        var += (frame[b] - mean) * (frame[b] - mean);
      }
      double scale = 1 / Math.sqrt(var / f.length + 1e-5);
      for (float[] frame : f) {
        frame[b] = (float) ((frame[b] - mean) * scale);
      }
    }
    return f;
  }
}
