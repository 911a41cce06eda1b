package org.seqlearn.audio.resample;

/**
 * Band-limited resampling between integer sample rates by windowed-sinc polyphase filtering, with
 * the same filter as torchaudio's {@code functional.resample} (Hann-squared-windowed sinc, {@code
 * lowpass_filter_width} zero crossings, cut-off {@code rolloff·min(from, to)/2}).
 *
 * <p>With {@code g = gcd(from, to)}, {@code p = from/g}, {@code q = to/g}: output sample {@code i·q
 * + j} is {@code Σ_k x[i·p + k − w]·h_j[k]} for phase {@code j < q}, zero outside the signal; the
 * output has {@code ceil(q·n/p)} samples. Each phase keeps only its non-zero taps (about {@code
 * 2·w}), so the cost is O(output · 2w). Immutable and thread-safe.
 */
public final class Resampler {
  private final int fromRate;
  private final int toRate;
  private final int p;
  private final int q;
  private final int width;
  private final float[][] taps; // per phase, non-zero taps only
  private final int[] firstTap; // index k of taps[j][0] in the full kernel

  /** torchaudio's defaults: 6 zero crossings, rolloff 0.99. */
  public static Resampler of(int fromRate, int toRate) {
    return new Resampler(fromRate, toRate, 6, 0.99);
  }

  /**
   * @param fromRate input sample rate (Hz), ≥ 1
   * @param toRate output sample rate (Hz), ≥ 1
   * @param lowpassFilterWidth zero crossings on each side of the sinc (sharper and slower when
   *     larger), ≥ 1
   * @param rolloff cut-off as a fraction of the lower Nyquist frequency, in (0, 1]
   */
  public Resampler(int fromRate, int toRate, int lowpassFilterWidth, double rolloff) {
    if (fromRate < 1 || toRate < 1) {
      throw new IllegalArgumentException(
          "sample rates must be >= 1, got " + fromRate + " and " + toRate);
    }
    if (lowpassFilterWidth < 1 || !(rolloff > 0 && rolloff <= 1)) {
      throw new IllegalArgumentException(
          "need lowpassFilterWidth >= 1 and 0 < rolloff <= 1, got "
              + lowpassFilterWidth
              + ", "
              + rolloff);
    }
    this.fromRate = fromRate;
    this.toRate = toRate;
    int g = gcd(fromRate, toRate);
    this.p = fromRate / g;
    this.q = toRate / g;
    double base = Math.min(p, q) * rolloff;
    this.width = (int) Math.ceil(lowpassFilterWidth * p / base);
    int len = 2 * width + p;
    if ((long) len * q > 50_000_000L) {
      throw new IllegalArgumentException(
          "rates "
              + fromRate
              + " -> "
              + toRate
              + " reduce to "
              + p
              + "/"
              + q
              + ", which needs a "
              + q
              + " x "
              + len
              + " filter table; choose rates with a larger"
              + " common divisor");
    }
    this.taps = new float[q][];
    this.firstTap = new int[q];
    double scale = base / p;
    double[] row = new double[len];
    for (int j = 0; j < q; j++) {
      int first = -1;
      int last = -1;
      for (int k = 0; k < len; k++) {
        double t = (-(double) j / q + (double) (k - width) / p) * base;
        t = Math.max(-lowpassFilterWidth, Math.min(lowpassFilterWidth, t));
        double c = Math.cos(t * Math.PI / lowpassFilterWidth / 2);
        double window = c * c;
        double tp = t * Math.PI;
        double sinc = tp == 0 ? 1.0 : Math.sin(tp) / tp;
        row[k] = sinc * window * scale;
        if (row[k] != 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      if (first < 0) {
        first = 0;
        last = -1;
      }
      firstTap[j] = first;
      taps[j] = new float[last - first + 1];
      for (int k = first; k <= last; k++) {
        taps[j][k - first] = (float) row[k];
      }
    }
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** Input rate (Hz). */
  public int fromRate() {
    return fromRate;
  }

  /** Output rate (Hz). */
  public int toRate() {
    return toRate;
  }

  /** Output length for {@code n} input samples: {@code ceil(n·to/from)} in reduced terms. */
  public int outputLength(int n) {
    return (int) ((long) q * n / p + ((long) q * n % p == 0 ? 0 : 1));
  }

  /**
   * Resamples one channel.
   *
   * @param x samples {@code [n]} at {@link #fromRate()}
   * @return samples {@code [ceil(n·to/from)]} at {@link #toRate()}; {@code x} itself copied when
   *     the rates are equal
   */
  public float[] resample(float[] x) {
    if (fromRate == toRate) {
      return x.clone();
    }
    int n = x.length;
    int outLen = outputLength(n);
    float[] out = new float[outLen];
    for (int o = 0; o < outLen; o++) {
      int i = o / q;
      int j = o % q;
      float[] h = taps[j];
      int start = i * p + firstTap[j] - width; // input index of h[0]
      int k0 = Math.max(0, -start);
      int k1 = Math.min(h.length, n - start);
      double acc = 0;
      for (int k = k0; k < k1; k++) {
        acc += x[start + k] * h[k];
      }
      out[o] = (float) acc;
    }
    return out;
  }
}
