package org.seqlearn.nlp.tagging;

/**
 * An entity chunk: tokens {@code [start, end)} of a sentence, of one type.
 *
 * @param type the entity type ({@code PER}, {@code LOC}, ...)
 * @param start the first token
 * @param end one past the last token
 */
public record Chunk(String type, int start, int end) {

  /** Checks {@code 0 <= start < end}. */
  public Chunk {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a chunk needs 0 <= start < end, got [" + start + ", "
          + end + ")");
    }
  }

  /** The number of tokens. */
  public int length() {
    return end - start;
  }
}
