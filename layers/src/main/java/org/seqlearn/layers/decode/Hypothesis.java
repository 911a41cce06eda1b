package org.seqlearn.layers.decode;

/**
 * One decoded output sequence and how the model scores it.
 *
 * @param tokens the output tokens {@code [n]}, without the start token and without the end token
 * @param ended true when the hypothesis emitted the end token, false when a length limit cut it
 * @param logProb log P(y|x) = Σₜ log P(y⟨t⟩ | x, y⟨1⟩…y⟨t−1⟩) over {@link #tokenLogProbs}
 * @param tokenLogProbs the log-probability of each token, the end token's last when
 *     {@code ended}: {@code [n + (ended ? 1 : 0)]}
 * @param score what the search ranked it by: for beam search the length-normalised
 *     log-probability plus the coverage penalty ({@link BeamSearchOptions#rank}); for greedy
 *     decoding and sampling the plain {@code logProb}
 */
public record Hypothesis(int[] tokens, boolean ended, double logProb, float[] tokenLogProbs,
    double score) {

  /** Validates that the per-token log-probabilities match the tokens. */
  public Hypothesis {
    if (tokenLogProbs.length != tokens.length + (ended ? 1 : 0)) {
      throw new IllegalArgumentException("expected " + (tokens.length + (ended ? 1 : 0))
          + " token log-probabilities, got " + tokenLogProbs.length);
    }
  }

  /** The length L the length penalty uses: the tokens, plus the end token when present. */
  public int length() {
    return tokenLogProbs.length;
  }
}
