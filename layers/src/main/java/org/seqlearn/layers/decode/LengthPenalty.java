package org.seqlearn.layers.decode;

/**
 * Length normalisation of a finished hypothesis's log-probability, so that beam search does not
 * prefer short outputs merely because every extra token multiplies in a probability below 1.
 * The hypothesis length {@code L} counts its tokens including the end token (the course's Ty),
 * as fairseq does.
 */
public enum LengthPenalty {
  /** The raw log-probability Σ log P. */
  NONE,
  /**
   * The course's (1/Ty^α) Σₜ log P(y⟨t⟩ | x, y⟨1⟩…y⟨t−1⟩): fairseq's, OpenNMT-py's "avg" and
   * Hugging Face's length penalty (α = 1 is the mean log-probability per token).
   */
  AVERAGE,
  /** Google's NMT (Wu et al. 2016): Σ log P / ((5 + L) / 6)^α; OpenNMT-py's "wu". */
  GNMT;

  /**
   * The divisor of the log-probability for a hypothesis of {@code length} tokens: 1 for
   * {@link #NONE}, {@code length^α} for {@link #AVERAGE}, {@code ((5 + length)/6)^α} for
   * {@link #GNMT}. Positive, and monotone in {@code length} (non-decreasing for α ≥ 0).
   */
  public double normaliser(int length, double alpha) {
    return switch (this) {
      case NONE -> 1;
      case AVERAGE -> Math.pow(Math.max(length, 1), alpha);
      case GNMT -> Math.pow((5.0 + length) / 6.0, alpha);
    };
  }

  /** {@code logProb / normaliser(length, alpha)}. */
  public double apply(double logProb, int length, double alpha) {
    return this == NONE ? logProb : logProb / normaliser(length, alpha);
  }
}
