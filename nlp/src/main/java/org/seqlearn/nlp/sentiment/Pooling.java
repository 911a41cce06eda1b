package org.seqlearn.nlp.sentiment;

/**
 * How {@link LstmClassifier} turns the LSTM outputs {@code a⟨1⟩ … a⟨Tx⟩} of a sentence into one
 * feature vector (many-to-one). Only the sentence's own steps count, never the padding.
 */
public enum Pooling {
  /**
   * The final hidden state: {@code a⟨Tx⟩} of the forward direction, and (bidirectional) the
   * backward direction's state after reading back to step 1.
   */
  LAST,
  /** The elementwise maximum of the outputs over the sentence's steps. */
  MAX,
  /** The mean of the outputs over the sentence's steps. */
  MEAN
}
