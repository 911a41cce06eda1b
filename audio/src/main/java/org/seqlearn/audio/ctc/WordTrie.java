package org.seqlearn.audio.ctc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The character trie of a word list spelled in a {@link CtcAlphabet}; node 0 is the root. */
final class WordTrie {
  private final List<Map<Integer, Integer>> children = new ArrayList<>();
  private final List<Boolean> complete = new ArrayList<>();

  /** @param what how the caller names its words, for error messages ("words", "hotwords") */
  WordTrie(Collection<String> words, CtcAlphabet alphabet, String what) {
    addNode();
    for (String word : words) {
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("expected " + what + " without spaces, got '" + word
            + "'");
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

  /** The node after {@code symbol}, or -1 when no word continues that way. */
  int child(int node, int symbol) {
    return children.get(node).getOrDefault(symbol, -1);
  }

  /** Whether a word ends at {@code node}. */
  boolean isWord(int node) {
    return complete.get(node);
  }
}
