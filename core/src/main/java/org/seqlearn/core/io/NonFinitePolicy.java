package org.seqlearn.core.io;

import java.util.logging.Logger;

/**
 * What a reader does with NaN or infinite values it loads (word vectors, weights, audio samples):
 * by default it rejects them, since one NaN silently poisons every later sum.
 */
public enum NonFinitePolicy {
  /** A NaN or infinity is a format error naming where it was found (the default). */
  REJECT,
  /** NaN and infinities are loaded as they are; one warning per file says how many there were. */
  WARN,
  /** NaN and infinities are loaded as they are, silently. */
  ALLOW;

  private static final Logger LOG = Logger.getLogger(NonFinitePolicy.class.getName());

  /** The index of the first NaN or infinity in {@code values[from, to)}, or -1. */
  public static int firstNonFinite(float[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Float.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Applies this policy to the values of tensor {@code tensor} loaded from {@code source}.
   *
   * @return how many NaN or infinite values it holds (0 when there are none)
   * @throws SafetensorsFormatException with {@link #REJECT}, naming the source, the tensor and
   *     the index of the first NaN or infinity
   */
  public long checkWeights(String source, String tensor, float[] values) {
    int bad = firstNonFinite(values, 0, values.length);
    if (bad < 0) {
      return 0;
    }
    if (this == REJECT) {
      throw new SafetensorsFormatException(source + ": tensor '" + tensor + "' holds "
          + values[bad] + " at flat index " + bad + "; expected finite weights (load with "
          + "NonFinitePolicy.ALLOW or WARN to accept them)");
    }
    return countNonFinite(values, bad, values.length);
  }

  /** How many NaN or infinite values {@code values[from, to)} holds. */
  public static long countNonFinite(float[] values, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n += Float.isFinite(values[i]) ? 0 : 1;
    }
    return n;
  }

  /**
   * The warning of {@link #WARN}: logs {@code count} non-finite values found in {@code source},
   * when there were any and this policy is {@link #WARN}.
   */
  public void warnIfAny(long count, String source) {
    if (this == WARN && count > 0) {
      LOG.warning(source + ": loaded " + count + " NaN or infinite value"
          + (count == 1 ? "" : "s"));
    }
  }
}
