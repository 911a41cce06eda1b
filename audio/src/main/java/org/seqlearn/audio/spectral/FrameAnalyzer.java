package org.seqlearn.audio.spectral;

import org.seqlearn.audio.fft.RealFft;

/**
 * The engine under every STFT flavour: cut frames of {@code frameLength} samples every {@code hop}
 * samples, multiply by a window, zero-pad each frame at the end to {@code nFft}, real-FFT it and
 * scale.
 */
final class FrameAnalyzer {
  private FrameAnalyzer() {}

  /**
   * @param x signal, already padded as the caller's convention requires
   * @param window {@code [frameLength]}
   * @param hop samples between frame starts, ≥ 1
   * @param frames number of frames; frame f covers {@code x[f·hop, f·hop + frameLength)}
   * @param nFft FFT size ≥ frameLength
   * @param onesided keep bins {@code 0..nFft/2} only, else all {@code nFft}
   * @param scale factor applied to every value
   * @return {@code [bins, frames]}
   */
  static ComplexSpectrogram analyze(
      float[] x, float[] window, int hop, int frames, int nFft, boolean onesided, double scale) {
    int len = window.length;
    if (hop < 1) {
      throw new IllegalArgumentException("hop must be >= 1, got " + hop);
    }
    if (nFft < len) {
      throw new IllegalArgumentException("nFft must be >= frame length " + len + ", got " + nFft);
    }
    if (frames > 0 && (long) (frames - 1) * hop + len > x.length) {
      throw new IllegalArgumentException(
          frames
              + " frames of "
              + len
              + " every "
              + hop
              + " need "
              + ((long) (frames - 1) * hop + len)
              + " samples, got "
              + x.length);
    }
    RealFft fft = new RealFft(nFft);
    int half = nFft / 2 + 1;
    int bins = onesided ? half : nFft;
    float[] re = new float[bins * frames];
    float[] im = new float[bins * frames];
    float[] frame = new float[nFft];
    float[] spec = new float[2 * half];
    float s = (float) scale;
    for (int f = 0; f < frames; f++) {
      int start = f * hop;
      for (int i = 0; i < len; i++) {
        frame[i] = x[start + i] * window[i];
      }
      fft.forward(frame, spec);
      for (int k = 0; k < half; k++) {
        re[k * frames + f] = spec[2 * k] * s;
        im[k * frames + f] = spec[2 * k + 1] * s;
      }
      for (int k = half; k < bins; k++) {
        re[k * frames + f] = spec[2 * (nFft - k)] * s;
        im[k * frames + f] = -spec[2 * (nFft - k) + 1] * s;
      }
    }
    return new ComplexSpectrogram(bins, frames, re, im);
  }
}
