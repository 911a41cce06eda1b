package org.seqlearn.audio.render;

/** "Nice" axis tick positions (1, 2, 5 × 10^k steps). */
final class Ticks {
  private Ticks() {}

  /** About {@code target} ticks covering [lo, hi]; returns the tick values. */
  static double[] nice(double lo, double hi, int target) {
    if (!(hi > lo)) {
      return new double[] {lo};
    }
    double raw = (hi - lo) / Math.max(1, target);
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * mag >= raw) {
        step = m * mag;
        break;
      }
    }
    double first = Math.ceil(lo / step - 1e-9) * step;
    int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
    double[] out = new double[Math.max(0, n)];
    for (int i = 0; i < out.length; i++) {
      out[i] = first + i * step;
    }
    return out;
  }

  /** A tick label without trailing zeros. */
  static String label(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return Long.toString(Math.round(v));
    }
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
