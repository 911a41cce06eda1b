package org.seqlearn.nlp.tagging;

import java.util.List;

/**
 * One sentence of a tagged corpus: its tokens and one tag per token.
 *
 * @param tokens the tokens, in order
 * @param tags one tag per token (e.g. {@code B-PER}, {@code I-PER}, {@code O})
 * @param firstLine the 1-based line of the first token in its file, or 0 if not from a file
 */
public record TaggedSentence(List<String> tokens, List<String> tags, int firstLine) {

  /** Copies the lists; they must be non-empty and of equal size. */
  public TaggedSentence {
    if (tokens.size() != tags.size() || tokens.isEmpty()) {
      throw new IllegalArgumentException("a tagged sentence needs one tag per token and at "
          + "least one token, got " + tokens.size() + " tokens and " + tags.size() + " tags");
    }
    tokens = List.copyOf(tokens);
    tags = List.copyOf(tags);
  }

  /** A sentence not read from a file. */
  public TaggedSentence(List<String> tokens, List<String> tags) {
    this(tokens, tags, 0);
  }

  /** The number of tokens. */
  public int size() {
    return tokens.size();
  }
}
