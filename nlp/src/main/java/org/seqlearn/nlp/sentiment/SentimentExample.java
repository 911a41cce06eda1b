package org.seqlearn.nlp.sentiment;

/**
 * One labelled sentence.
 *
 * @param label class index, {@code >= 0}
 * @param text the sentence
 */
public record SentimentExample(int label, String text) {

  /** Validates the label and text. */
  public SentimentExample {
    if (label < 0) {
      throw new IllegalArgumentException("label must be >= 0, got " + label);
    }
    if (text == null) {
      throw new IllegalArgumentException("text must not be null");
    }
  }
}
