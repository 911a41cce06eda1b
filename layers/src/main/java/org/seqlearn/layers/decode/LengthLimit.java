package org.seqlearn.layers.decode;

/**
 * A maximum output length that may grow with the source, as fairseq's {@code --max-len-a} and
 * {@code --max-len-b}: {@code floor(a · sourceLength + b)} tokens, the end token not counted.
 *
 * @param a tokens per source token, ≥ 0 (0 for a fixed limit)
 * @param b tokens added, ≥ 0
 */
public record LengthLimit(double a, int b) {

  /** Validates both terms. */
  public LengthLimit {
    if (!(a >= 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException("a must be finite and >= 0, got " + a);
    }
    if (b < 0) {
      throw new IllegalArgumentException("b must be >= 0, got " + b);
    }
  }

  /** The same limit for every source: {@code tokens}. */
  public static LengthLimit fixed(int tokens) {
    return new LengthLimit(0, tokens);
  }

  /** {@code floor(a · sourceLength + b)}. */
  public static LengthLimit linear(double a, int b) {
    return new LengthLimit(a, b);
  }

  /** True when the limit does not depend on the source length. */
  public boolean isFixed() {
    return a == 0;
  }

  /**
   * The limit for one source.
   *
   * @param sourceLength the source's length Tx (ignored by a fixed limit)
   * @throws IllegalArgumentException if the source length is negative, or the limit does not fit
   *     an int
   */
  public int forSource(int sourceLength) {
    if (sourceLength < 0) {
      throw new IllegalArgumentException("source length must be >= 0, got " + sourceLength);
    }
    double limit = Math.floor(a * sourceLength + b);
    if (limit > Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("length limit " + limit + " for source length "
          + sourceLength + " does not fit an int");
    }
    return (int) limit;
  }

  /**
   * The limit of each of {@code batch} sentences.
   *
   * @param sourceLengths {@code [batch]}, or null when the limit is fixed
   * @throws IllegalArgumentException if a linear limit gets no source lengths, or their count is
   *     not {@code batch}
   */
  int[] forBatch(int batch, int[] sourceLengths) {
    if (sourceLengths == null) {
      if (!isFixed()) {
        throw new IllegalArgumentException("a length limit of " + a
            + "·sourceLength + " + b + " needs the source lengths, got null");
      }
    } else if (sourceLengths.length != batch) {
      throw new IllegalArgumentException("expected " + batch + " source lengths (one per row"
          + " of the initial state), got " + sourceLengths.length);
    }
    int[] limits = new int[batch];
    for (int s = 0; s < batch; s++) {
      limits[s] = forSource(sourceLengths == null ? 0 : sourceLengths[s]);
    }
    return limits;
  }
}
