package org.seqlearn.nlp.lm;

/**
 * How well a language model predicts held-out sequences: the total negative log-likelihood of
 * every predicted token (each sequence's tokens and its closing ⟨EOS⟩; the leading ⟨EOS⟩ that
 * only starts a sequence is an input, not a prediction).
 *
 * @param totalNats −Σ ln P(y⟨t⟩ | y⟨1⟩ … y⟨t−1⟩) over all predicted tokens, in nats
 * @param predictedTokens how many tokens were predicted, Σ (n + 1)
 */
public record Evaluation(double totalNats, long predictedTokens) {

  private static final double LN2 = Math.log(2);

  /** Mean cross-entropy per predicted token in nats (what the training loss reports). */
  public double natsPerToken() {
    return totalNats / predictedTokens;
  }

  /**
   * Mean negative log2-likelihood per predicted token: bits per character for a character
   * model. A model that knows nothing (uniform over {@code V} ids) scores {@code log2(V)}.
   */
  public double bitsPerToken() {
    return natsPerToken() / LN2;
  }

  /** Perplexity per predicted token, {@code exp(natsPerToken)} = {@code 2^bitsPerToken}. */
  public double perplexity() {
    return Math.exp(natsPerToken());
  }
}
