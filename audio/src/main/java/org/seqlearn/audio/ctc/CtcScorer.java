package org.seqlearn.audio.ctc;

/**
 * A scoring hook for {@link CtcPrefixBeamSearch}, like the language-model and lexicon hooks of
 * torchaudio's {@code ctc_decoder} and pyctcdecode: it follows each prefix token by token and adds
 * natural-log scores to the acoustic {@code log P(prefix | x)}. Implementations are immutable;
 * their state objects must be too (several prefixes share one).
 *
 * @param <S> the per-prefix state (a language-model context, a position in a lexicon trie, …)
 */
public interface CtcScorer<S> {

  /** The state of the empty prefix. */
  S initialState();

  /**
   * Appends a non-blank token to a prefix.
   *
   * @return the new state and the score added; a score of {@code -∞} removes the prefix (a
   *     lexicon's way to forbid it)
   */
  Step<S> extend(S state, int token);

  /**
   * The score added when a prefix ends the utterance (end-of-sentence probability, a lexicon's
   * check that the last word is complete). Applied once to each final hypothesis.
   */
  double finish(S state);

  /**
   * A scorer's answer to {@link #extend}.
   *
   * @param state the state after the token
   * @param score the natural-log score added
   */
  record Step<S>(S state, double score) {}
}
