package org.seqlearn.audio.ctc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Restricts the output to words of a lexicon: a prefix survives only while its last word is a
 * prefix of a lexicon word; a space may only close a complete word (so no leading or double
 * spaces), and the utterance must end on a complete word (no trailing space). Adds no score
 * otherwise (0 or {@code -∞}). The state is a node of the lexicon's character trie.
 */
public final class LexiconScorer implements CtcScorer<Integer> {
  private static final Step<Integer> FORBIDDEN = new Step<>(-1, Double.NEGATIVE_INFINITY);
  /** The state after a space: the trie's root, but the utterance may not end there. */
  private static final int AFTER_SPACE = -2;

  private final CtcAlphabet alphabet;
  private final List<Map<Integer, Integer>> children = new ArrayList<>();
  private final List<Boolean> complete = new ArrayList<>();

  /** A lexicon of words spelled in {@code alphabet} (no spaces inside a word). */
  public LexiconScorer(Collection<String> words, CtcAlphabet alphabet) {
    this.alphabet = alphabet;
    addNode();
    for (String word : words) {
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("expected non-empty words without spaces, got '"
            + word + "'");
      }
      int node = 0;
      for (int symbol : alphabet.encode(word)) {
        Integer child = children.get(node).get(symbol);
        if (child == null) {
          child = addNode();
          children.get(node).put(symbol, child);
        }
        node = child;
      }
      complete.set(node, true);
    }
  }

  private int addNode() {
    children.add(new HashMap<>());
    complete.add(false);
    return children.size() - 1;
  }

  @Override
  public Integer initialState() {
    return 0;
  }

  @Override
  public Step<Integer> extend(Integer node, int token) {
    if (alphabet.isSpace(token)) {
      return node > 0 && complete.get(node) ? new Step<>(AFTER_SPACE, 0) : FORBIDDEN;
    }
    Integer child = children.get(Math.max(node, 0)).get(token);
    return child == null ? FORBIDDEN : new Step<>(child, 0);
  }

  @Override
  public double finish(Integer node) {
    return node == 0 || node > 0 && complete.get(node) ? 0 : Double.NEGATIVE_INFINITY;
  }
}
