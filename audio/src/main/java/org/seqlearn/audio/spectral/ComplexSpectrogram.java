package org.seqlearn.audio.spectral;

/**
 * A complex short-time spectrum {@code [bins, frames]}, frequency-major like {@code torch.stft},
 * {@code scipy.signal.stft} and matplotlib: element {@code (k, t)} is at {@code k·frames + t} in
 * {@link #re} and {@link #im}.
 *
 * @param bins frequency bins (n/2 + 1 when one-sided)
 * @param frames time frames
 * @param re real parts {@code [bins·frames]}
 * @param im imaginary parts {@code [bins·frames]}
 */
public record ComplexSpectrogram(int bins, int frames, float[] re, float[] im) {
  /** Validates the sizes. */
  public ComplexSpectrogram {
    if (re.length != (long) bins * frames || im.length != re.length) {
      throw new IllegalArgumentException(
          "re and im must hold bins*frames = "
              + (long) bins * frames
              + ", got "
              + re.length
              + " and "
              + im.length);
    }
  }

  /** {@code |X|^power} elementwise as a real spectrogram (power 1 = magnitude, 2 = power). */
  public Spectrogram abs(double power) {
    float[] out = new float[re.length];
    for (int i = 0; i < out.length; i++) {
      double p2 = (double) re[i] * re[i] + (double) im[i] * im[i];
      out[i] = (float) (power == 2 ? p2 : power == 1 ? Math.sqrt(p2) : Math.pow(p2, power / 2));
    }
    return new Spectrogram(bins, frames, out);
  }

  /** Magnitude {@code |X|}. */
  public Spectrogram magnitude() {
    return abs(1);
  }

  /** Power {@code |X|²}. */
  public Spectrogram power() {
    return abs(2);
  }

  /** Interleaved {@code [bins, frames, 2]} (re, im), the layout of {@code torch.view_as_real}. */
  public float[] interleaved() {
    float[] out = new float[2 * re.length];
    for (int i = 0; i < re.length; i++) {
      out[2 * i] = re[i];
      out[2 * i + 1] = im[i];
    }
    return out;
  }
}
