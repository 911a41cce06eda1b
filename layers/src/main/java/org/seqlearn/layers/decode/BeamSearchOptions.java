package org.seqlearn.layers.decode;

/**
 * Options of {@link BeamSearch}, immutable; each setter returns a changed copy:
 *
 * <pre>{@code
 * BeamSearchOptions o = BeamSearchOptions.defaults(startId, endId)
 *     .beamWidth(5).nBest(3).maxLength(LengthLimit.linear(1.5, 10))
 *     .lengthPenalty(LengthPenalty.GNMT, 0.6).coverageBeta(0.2);
 * }</pre>
 *
 * <p>Lengths count output tokens without the start and end tokens. A hypothesis that reaches the
 * maximum length is made to emit the end token next (fairseq's rule), so every result ends with
 * it; a model without an end token ({@code endToken = -1}) gives hypotheses of exactly the maximum
 * length.
 *
 * @param beamWidth B, the number of unfinished hypotheses kept per sentence (≥ 1)
 * @param nBest how many finished hypotheses to return per sentence, in {@code [1, beamWidth]}
 * @param minLength the end token is forbidden before this many tokens (≥ 0)
 * @param maxLength the most tokens per sentence, possibly a function of its source length
 * @param startToken the last token fed at the first step
 * @param endToken the token that ends a hypothesis, or -1 for none
 * @param lengthPenalty how finished hypotheses are normalised for length
 * @param alpha the length-penalty exponent α (≥ 0; ignored by {@link LengthPenalty#NONE})
 * @param coverageBeta β of GNMT's coverage penalty β·Σᵢ log(min(Σₜ α⟨t,i⟩, 1)), added to a
 *     finished hypothesis's score; 0 turns it off; needs {@link StepDecoder#lastAttention()}
 * @param noRepeatNgramSize no n-gram of this size appears twice in a hypothesis; 0 turns it off
 * @param stopping when to stop searching a sentence
 */
public record BeamSearchOptions(int beamWidth, int nBest, int minLength, LengthLimit maxLength,
    int startToken, int endToken, LengthPenalty lengthPenalty, double alpha,
    double coverageBeta, int noRepeatNgramSize, Stopping stopping) {

  /** Validates every field. */
  public BeamSearchOptions {
    if (beamWidth < 1) {
      throw new IllegalArgumentException("beamWidth must be >= 1, got " + beamWidth);
    }
    if (nBest < 1 || nBest > beamWidth) {
      throw new IllegalArgumentException("nBest must be in [1, beamWidth = " + beamWidth
          + "], got " + nBest);
    }
    if (minLength < 0) {
      throw new IllegalArgumentException("minLength must be >= 0, got " + minLength);
    }
    if (maxLength == null || lengthPenalty == null || stopping == null) {
      throw new IllegalArgumentException("maxLength, lengthPenalty and stopping must not be null");
    }
    if (startToken < 0) {
      throw new IllegalArgumentException("startToken must be >= 0, got " + startToken);
    }
    if (endToken < -1) {
      throw new IllegalArgumentException("endToken must be >= 0, or -1 for none, got "
          + endToken);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
    }
    if (!(coverageBeta >= 0) || Double.isInfinite(coverageBeta)) {
      throw new IllegalArgumentException("coverageBeta must be finite and >= 0, got "
          + coverageBeta);
    }
    if (noRepeatNgramSize < 0) {
      throw new IllegalArgumentException("noRepeatNgramSize must be >= 0 (0 = off), got "
          + noRepeatNgramSize);
    }
  }

  /**
   * Width 5, 1-best, lengths 0 to 200, {@link LengthPenalty#AVERAGE} with α = 1, no coverage
   * penalty, no n-gram blocking, {@link Stopping#EXACT}.
   *
   * @param endToken the end token, or -1 for none
   */
  public static BeamSearchOptions defaults(int startToken, int endToken) {
    return new BeamSearchOptions(5, 1, 0, LengthLimit.fixed(200), startToken, endToken,
        LengthPenalty.AVERAGE, 1, 0, 0, Stopping.EXACT);
  }

  /** A copy with this beam width (nBest is lowered to it if larger). */
  public BeamSearchOptions beamWidth(int value) {
    return new BeamSearchOptions(value, Math.min(nBest, Math.max(value, 1)), minLength,
        maxLength, startToken, endToken, lengthPenalty, alpha, coverageBeta, noRepeatNgramSize,
        stopping);
  }

  /** A copy returning this many hypotheses per sentence. */
  public BeamSearchOptions nBest(int value) {
    return new BeamSearchOptions(beamWidth, value, minLength, maxLength, startToken, endToken,
        lengthPenalty, alpha, coverageBeta, noRepeatNgramSize, stopping);
  }

  /** A copy with this minimum length. */
  public BeamSearchOptions minLength(int value) {
    return new BeamSearchOptions(beamWidth, nBest, value, maxLength, startToken, endToken,
        lengthPenalty, alpha, coverageBeta, noRepeatNgramSize, stopping);
  }

  /** A copy with this maximum length. */
  public BeamSearchOptions maxLength(LengthLimit value) {
    return new BeamSearchOptions(beamWidth, nBest, minLength, value, startToken, endToken,
        lengthPenalty, alpha, coverageBeta, noRepeatNgramSize, stopping);
  }

  /** A copy with this fixed maximum length. */
  public BeamSearchOptions maxLength(int tokens) {
    return maxLength(LengthLimit.fixed(tokens));
  }

  /** A copy with this length penalty and exponent α. */
  public BeamSearchOptions lengthPenalty(LengthPenalty penalty, double exponent) {
    return new BeamSearchOptions(beamWidth, nBest, minLength, maxLength, startToken, endToken,
        penalty, exponent, coverageBeta, noRepeatNgramSize, stopping);
  }

  /** A copy with this coverage-penalty weight β (0 = off). */
  public BeamSearchOptions coverageBeta(double value) {
    return new BeamSearchOptions(beamWidth, nBest, minLength, maxLength, startToken, endToken,
        lengthPenalty, alpha, value, noRepeatNgramSize, stopping);
  }

  /** A copy blocking repeated n-grams of this size (0 = off). */
  public BeamSearchOptions noRepeatNgramSize(int value) {
    return new BeamSearchOptions(beamWidth, nBest, minLength, maxLength, startToken, endToken,
        lengthPenalty, alpha, coverageBeta, value, stopping);
  }

  /** A copy with this stopping rule. */
  public BeamSearchOptions stopping(Stopping value) {
    return new BeamSearchOptions(beamWidth, nBest, minLength, maxLength, startToken, endToken,
        lengthPenalty, alpha, coverageBeta, noRepeatNgramSize, value);
  }

  /**
   * The score beam search ranks a finished hypothesis by: its log-probability normalised by
   * {@link #lengthPenalty}, plus the coverage penalty.
   *
   * @param logProb Σ log P of its tokens, the end token included
   * @param length its length {@code L}, the end token included
   * @param coveragePenalty β·Σᵢ log(min(Σₜ α⟨t,i⟩, 1)), or 0
   */
  public double rank(double logProb, int length, double coveragePenalty) {
    return lengthPenalty.apply(logProb, length, alpha) + coveragePenalty;
  }
}
