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
