package org.seqlearn.audio.trigger;

import org.seqlearn.audio.spectral.MatplotlibSpecgram;
import org.seqlearn.audio.spectral.Spectrogram;
import org.seqlearn.core.Tensor;

/**
 * The course's input features: matplotlib's {@code specgram(x, NFFT=200, Fs=8000, noverlap=120)}
 * (see {@link MatplotlibSpecgram#triggerWord()}), transposed to time-major. For 10 s at 44.1 kHz
 * this is {@code [5511, 101]}.
 */
public final class TriggerFeatures {
  private TriggerFeatures() {}

  /**
   * @param audio mono samples {@code [n]}
   * @return features {@code [frames, 101]} with {@code frames = 1 + (n − 200) / 80}
   */
  public static Tensor of(float[] audio) {
    Spectrogram s = MatplotlibSpecgram.triggerWord().compute(audio).spectrum();
    int bins = s.bins();
    int frames = s.frames();
    float[] d = s.data();
    float[] out = new float[bins * frames];
    for (int k = 0; k < bins; k++) {
      for (int t = 0; t < frames; t++) {
        out[t * bins + k] = d[k * frames + t];
      }
    }
    return Tensor.wrap(out, frames, bins);
  }
}
