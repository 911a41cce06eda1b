package org.seqlearn.nlp.text;

import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.Tensor;

/**
 * A batch of token-id sequences padded to a common length: ids {@code [batch, maxLen]}
 * (row-major, right-padded with the pad id) and the true lengths {@code [batch]}.
 */
public final class PaddedBatch {

  private final int[] ids;
  private final int[] lengths;
  private final int batch;
  private final int maxLen;

  private PaddedBatch(int[] ids, int[] lengths, int batch, int maxLen) {
    this.ids = ids;
    this.lengths = lengths;
    this.batch = batch;
    this.maxLen = maxLen;
  }

  /** Pads to the longest sequence. */
  public static PaddedBatch of(List<int[]> sequences, int padId) {
    int longest = 0;
    for (int[] s : sequences) {
      longest = Math.max(longest, s.length);
    }
    return of(sequences, padId, longest);
  }

  /**
   * Pads (or truncates, keeping the first {@code maxLen} ids) every sequence to {@code maxLen}.
   *
   * @throws IllegalArgumentException if {@code maxLen < 0}
   */
  public static PaddedBatch of(List<int[]> sequences, int padId, int maxLen) {
    if (maxLen < 0) {
      throw new IllegalArgumentException("maxLen must be >= 0, got " + maxLen);
    }
    int batch = sequences.size();
    int[] ids = new int[batch * maxLen];
    int[] lengths = new int[batch];
    Arrays.fill(ids, padId);
    for (int b = 0; b < batch; b++) {
      int[] s = sequences.get(b);
      lengths[b] = Math.min(s.length, maxLen);
      System.arraycopy(s, 0, ids, b * maxLen, lengths[b]);
    }
    return new PaddedBatch(ids, lengths, batch, maxLen);
  }

  /** Encodes token sequences with {@code vocabulary} and pads them with its {@code <pad>} id. */
  public static PaddedBatch encode(Vocabulary vocabulary, List<List<String>> sequences) {
    int pad = vocabulary.specialId(Vocabulary.PAD);
    return of(sequences.stream().map(vocabulary::encode).toList(), pad);
  }

  /** The number of sequences. */
  public int batchSize() {
    return batch;
  }

  /** The padded length. */
  public int maxLength() {
    return maxLen;
  }

  /** The id at {@code [b, t]}. */
  public int id(int b, int t) {
    if (b < 0 || b >= batch || t < 0 || t >= maxLen) {
      throw new IllegalArgumentException("expected an index in [" + batch + ", " + maxLen
          + "), got [" + b + ", " + t + "]");
    }
    return ids[b * maxLen + t];
  }

  /** A copy of the ids, {@code [batch * maxLen]} row-major. */
  public int[] ids() {
    return ids.clone();
  }

  /** A copy of the true lengths, {@code [batch]}. */
  public int[] lengths() {
    return lengths.clone();
  }

  /** The ids as a float tensor {@code [batch, maxLen]} (for embedding lookups). */
  public Tensor idsTensor() {
    float[] data = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      data[i] = ids[i];
    }
    return Tensor.wrap(data, batch, maxLen);
  }

  /** 1 where a position holds a real token, 0 where it is padding: {@code [batch, maxLen]}. */
  public Tensor mask() {
    float[] data = new float[ids.length];
    for (int b = 0; b < batch; b++) {
      Arrays.fill(data, b * maxLen, b * maxLen + lengths[b], 1f);
    }
    return Tensor.wrap(data, batch, maxLen);
  }
}
