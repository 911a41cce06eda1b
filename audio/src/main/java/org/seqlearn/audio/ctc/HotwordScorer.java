package org.seqlearn.audio.ctc;

import java.util.Collection;

/**
 * Boosts hotwords, like pyctcdecode's {@code hotwords} and torchaudio's boosted words: while the
 * current word is a prefix of a hotword each character adds {@code bonus}, guiding the beam towards
 * it; when the word ends (a space or the end of the utterance) without being a complete hotword,
 * the bonus it collected is taken back. A finished hotword of {@code L} characters thus keeps
 * {@code L · bonus}; any other word keeps nothing.
 */
public final class HotwordScorer implements CtcScorer<HotwordScorer.State> {
  private static final int MISMATCH = -1;

  private final CtcAlphabet alphabet;
  private final double bonus;
  private final WordTrie trie;

  /**
   * The trie node of the current word ({@code -1} once it left every hotword) and the bonus it
   * collected.
   */
  public record State(int node, double collected) {}

  /**
   * @param hotwords words (no spaces) spelled in {@code alphabet}
   * @param bonus natural-log bonus per matching character, {@code ≥ 0}
   */
  public HotwordScorer(Collection<String> hotwords, CtcAlphabet alphabet, double bonus) {
    if (!(bonus >= 0) || !Double.isFinite(bonus)) {
      throw new IllegalArgumentException("expected a finite bonus >= 0, got " + bonus);
    }
    this.alphabet = alphabet;
    this.bonus = bonus;
    this.trie = new WordTrie(hotwords, alphabet, "hotwords");
  }

  @Override
  public State initialState() {
    return new State(0, 0);
  }

  @Override
  public Step<State> extend(State state, int token) {
    if (alphabet.isSpace(token)) {
      return new Step<>(new State(0, 0), -refund(state));
    }
    int child = state.node() == MISMATCH ? -1 : trie.child(state.node(), token);
    if (child < 0) {
      return new Step<>(new State(MISMATCH, 0), -state.collected());
    }
    return new Step<>(new State(child, state.collected() + bonus), bonus);
  }

  @Override
  public double finish(State state) {
    return -refund(state);
  }

  private double refund(State state) {
    return state.node() != MISMATCH && trie.isWord(state.node()) ? 0 : state.collected();
  }
}
