package org.seqlearn.audio.ctc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  private final List<Map<Integer, Integer>> children = new ArrayList<>();
  private final List<Boolean> complete = new ArrayList<>();

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
    children.add(new HashMap<>());
    complete.add(false);
    for (String word : hotwords) {
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("expected hotwords without spaces, got '" + word
            + "'");
      }
      int node = 0;
      for (int symbol : alphabet.encode(word)) {
        Integer child = children.get(node).get(symbol);
        if (child == null) {
          children.add(new HashMap<>());
          complete.add(false);
          child = children.size() - 1;
          children.get(node).put(symbol, child);
        }
        node = child;
      }
      complete.set(node, true);
    }
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
    Integer child = state.node() == MISMATCH ? null : children.get(state.node()).get(token);
    if (child == null) {
      return new Step<>(new State(MISMATCH, 0), -state.collected());
    }
    return new Step<>(new State(child, state.collected() + bonus), bonus);
  }

  @Override
  public double finish(State state) {
    return -refund(state);
  }

  private double refund(State state) {
    return state.node() != MISMATCH && complete.get(state.node()) ? 0 : state.collected();
  }
}
