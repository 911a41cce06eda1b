package org.seqlearn.audio.spectral;

import org.seqlearn.audio.fft.ComplexFft;
import org.seqlearn.audio.fft.RealFft;

/**
 * Inverse STFT by weighted overlap-add with {@code torch.istft} semantics: each frame is inverse
 * transformed, multiplied by the window and added at {@code t·hop}; the sum is divided by the
 * overlap-added squared window; centring padding is removed.
 */
public final class InverseStft {
  private static final double NOLA_EPS = 1e-11;

  private InverseStft() {}

  /**
   * @param spec {@code [bins, frames]} as {@link Stft#forward} returns for {@code c}
   * @param c the settings the spectrum was made with
   * @param length output length, or −1 for the natural length {@code nFft + hop·(frames−1)} minus
   *     centring padding; longer outputs are zero-padded
   * @return the signal {@code [length]}
   * @throws IllegalArgumentException if the window envelope vanishes somewhere in the output (the
   *     window/hop pair fails the nonzero-overlap-add condition)
   */
  public static float[] inverse(ComplexSpectrogram spec, StftConfig c, int length) {
    int n = c.nFft();
    int expectedBins = c.onesided() ? n / 2 + 1 : n;
    if (spec.bins() != expectedBins) {
      throw new IllegalArgumentException(
          "spectrum must have " + expectedBins + " bins for nFft=" + n + ", got " + spec.bins());
    }
    int frames = spec.frames();
    int hop = c.hopLength();
    float[] w = c.paddedWindow();
    int total = n + hop * (frames - 1);
    double[] y = new double[total];
    double[] env = new double[total];
    float[] frame = new float[n];
    double scale = c.normalized() ? Math.sqrt(n) : 1;
    RealFft rfft = new RealFft(n);
    ComplexFft cfft = c.onesided() ? null : new ComplexFft(n);
    float[] half = new float[2 * (n / 2 + 1)];
    float[] full = new float[2 * n];
    for (int f = 0; f < frames; f++) {
      if (c.onesided()) {
        for (int k = 0; k <= n / 2; k++) {
          half[2 * k] = spec.re()[k * frames + f];
          half[2 * k + 1] = spec.im()[k * frames + f];
        }
        rfft.inverse(half, frame, true);
      } else {
        for (int k = 0; k < n; k++) {
          full[2 * k] = spec.re()[k * frames + f];
          full[2 * k + 1] = spec.im()[k * frames + f];
        }
        cfft.inverse(full, true);
        for (int t = 0; t < n; t++) {
          frame[t] = full[2 * t];
        }
      }
      int at = f * hop;
      for (int t = 0; t < n; t++) {
        y[at + t] += frame[t] * scale * w[t];
        env[at + t] += (double) w[t] * w[t];
      }
    }
    int start = c.center() ? n / 2 : 0;
    int end = length >= 0 ? start + length : (c.center() ? total - n / 2 : total);
    float[] out = new float[Math.max(0, end - start)];
    int avail = Math.min(end, total);
    for (int i = start; i < avail; i++) {
      if (env[i] < NOLA_EPS) {
        throw new IllegalArgumentException(
            "window overlap-add vanishes at output sample "
                + (i - start)
                + ": expected an envelope > 1e-11, found "
                + env[i]
                + " (choose a smaller hop)");
      }
      out[i - start] = (float) (y[i] / env[i]);
    }
    return out;
  }
}
