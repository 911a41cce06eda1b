package org.seqlearn.audio.ctc;

import java.util.Collection;

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
  private final WordTrie trie;

  /** A lexicon of words spelled in {@code alphabet} (no spaces inside a word). */
  public LexiconScorer(Collection<String> words, CtcAlphabet alphabet) {
    this.alphabet = alphabet;
    this.trie = new WordTrie(words, alphabet, "non-empty words");
  }

  @Override
  public Integer initialState() {
    return 0;
  }

  @Override
  public Step<Integer> extend(Integer node, int token) {
    if (alphabet.isSpace(token)) {
      return node > 0 && trie.isWord(node) ? new Step<>(AFTER_SPACE, 0) : FORBIDDEN;
    }
    int child = trie.child(Math.max(node, 0), token);
    return child < 0 ? FORBIDDEN : new Step<>(child, 0);
  }

  @Override
  public double finish(Integer node) {
    return node == 0 || node > 0 && trie.isWord(node) ? 0 : Double.NEGATIVE_INFINITY;
  }
}
