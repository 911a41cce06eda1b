package org.seqlearn.audio.spectral;

/**
 * How a signal is extended past its ends before framing (centre padding, SciPy's {@code boundary}).
 */
public enum PadMode {
  /**
   * Mirror without repeating the edge sample: {@code x[2], x[1] | x[0] ...} (PyTorch/NumPy {@code
   * reflect}, SciPy {@code boundary='even'}). Needs more samples than the pad width.
   */
  REFLECT,
  /** Zeros (PyTorch {@code constant}, SciPy {@code boundary='zeros'}). */
  CONSTANT,
  /** Repeat the edge sample (PyTorch {@code replicate}, SciPy {@code boundary='constant'}). */
  EDGE,
  /**
   * Point reflection through the edge sample: {@code 2x[0] − x[k]} (SciPy {@code boundary='odd'}).
   */
  ODD;

  /**
   * Returns {@code x} extended by {@code left} and {@code right} samples.
   *
   * @throws IllegalArgumentException if a reflecting mode needs more samples than {@code x} has
   */
  public float[] pad(float[] x, int left, int right) {
    if (left < 0 || right < 0) {
      throw new IllegalArgumentException("pad widths must be >= 0, got " + left + ", " + right);
    }
    int n = x.length;
    if ((this == REFLECT || this == ODD) && (left >= n || right >= n)) {
      throw new IllegalArgumentException(
          this
              + " padding needs the signal longer than the pad: pad "
              + Math.max(left, right)
              + ", signal length "
              + n);
    }
    if ((this == EDGE) && n == 0 && (left > 0 || right > 0)) {
      throw new IllegalArgumentException("EDGE padding needs a non-empty signal");
    }
    float[] out = new float[left + n + right];
    System.arraycopy(x, 0, out, left, n);
    for (int i = 1; i <= left; i++) {
      out[left - i] =
          switch (this) {
            case REFLECT -> x[i];
            case CONSTANT -> 0f;
            case EDGE -> x[0];
            case ODD -> 2 * x[0] - x[i];
          };
    }
    for (int i = 1; i <= right; i++) {
      out[left + n - 1 + i] =
          switch (this) {
            case REFLECT -> x[n - 1 - i];
            case CONSTANT -> 0f;
            case EDGE -> x[n - 1];
            case ODD -> 2 * x[n - 1] - x[n - 1 - i];
          };
    }
    return out;
  }

  /** Parses PyTorch and SciPy names: reflect/even, constant/zeros, replicate/edge, odd. */
  public static PadMode parse(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "reflect", "even" -> REFLECT;
      case "constant", "zeros", "zero" -> CONSTANT;
      case "replicate", "edge" -> EDGE;
      case "odd" -> ODD;
      default ->
          throw new IllegalArgumentException(
              "pad mode must be reflect, constant, edge or odd; got '" + name + "'");
    };
  }
}
