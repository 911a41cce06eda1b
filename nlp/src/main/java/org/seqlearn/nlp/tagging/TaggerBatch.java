package org.seqlearn.nlp.tagging;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;

/**
 * A padded batch of sentences for {@link BiLstmTagger}, as ids.
 *
 * @param wordIds {@code [B, T]} word ids, 0 past each sentence's length
 * @param charIds {@code [B, T, C]} character ids of each word, 0-padded to {@code C}
 * @param lengths {@code B} sentence lengths in {@code [1, T]}
 * @param tags {@code [B, T]} gold tag ids (any value past the length), or null when tagging
 */
public record TaggerBatch(IntTensor wordIds, IntTensor charIds, int[] lengths, IntTensor tags) {

  /** Checks the shapes agree. */
  public TaggerBatch {
    int[] w = wordIds.shape();
    int[] c = charIds.shape();
    if (w.length != 2 || c.length != 3 || c[0] != w[0] || c[1] != w[1] || c[2] < 1
        || lengths.length != w[0]) {
      throw new IllegalArgumentException("tagger batch: expected word ids [B, T], char ids [B, T,"
          + " C] and B lengths, got " + Shape.format(w) + ", " + Shape.format(c) + " and "
          + lengths.length + " lengths");
    }
    if (tags != null && !java.util.Arrays.equals(tags.shape(), w)) {
      throw new IllegalArgumentException("tagger batch: expected tags " + Shape.format(w)
          + ", got " + Shape.format(tags.shape()));
    }
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 1 || lengths[b] > w[1]) {
        throw new IllegalArgumentException("tagger batch: length " + lengths[b] + " of sentence "
            + b + " must be in [1, " + w[1] + "]");
      }
    }
    lengths = lengths.clone();
  }

  /** The batch size {@code B}. */
  public int size() {
    return lengths.length;
  }

  /** The padded length {@code T}. */
  public int time() {
    return wordIds.shape()[1];
  }
}
