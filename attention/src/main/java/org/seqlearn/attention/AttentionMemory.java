package org.seqlearn.attention;

import java.util.Arrays;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * A source prepared by {@link Attention#prepare}: the values a⟨t′⟩ that contexts are made of, the
 * keys the scores are computed against (the values themselves, or a projection of them computed
 * once), and the padding mask. Rows can be reordered ({@link #select}) for beam search.
 */
public final class AttentionMemory {

  private final Tensor values;
  private final Tensor keys;
  private final int[] lengths;
  private final Tensor paddingMask;

  /**
   * @param values {@code [batch, Tx, features]}
   * @param keys {@code [batch, Tx, keyFeatures]}
   * @param lengths {@code [batch]} in {@code [1, Tx]}, or null for no masking
   */
  public AttentionMemory(Tensor values, Tensor keys, int[] lengths) {
    if (values.rank() != 3) {
      throw new IllegalArgumentException("attention memory must be [batch, Tx, features], got "
          + Shape.format(values.shape()));
    }
    if (keys.rank() != 3 || keys.dim(0) != values.dim(0) || keys.dim(1) != values.dim(1)) {
      throw new IllegalArgumentException("attention keys must be [" + values.dim(0) + ", "
          + values.dim(1) + ", keyFeatures], got " + Shape.format(keys.shape()));
    }
    this.values = values;
    this.keys = keys;
    this.lengths = lengths == null ? null : lengths.clone();
    this.paddingMask = lengths == null ? null
        : AttentionMasks.padding(lengths, values.dim(0), values.dim(1));
  }

  /** The values a⟨t′⟩, {@code [batch, Tx, features]}. */
  public Tensor values() {
    return values;
  }

  /** The keys scores are computed against, {@code [batch, Tx, keyFeatures]}. */
  public Tensor keys() {
    return keys;
  }

  /** The source lengths (a copy), or null when unmasked. */
  public int[] lengths() {
    return lengths == null ? null : lengths.clone();
  }

  /** 1 at padded steps, {@code [batch, 1, Tx]}, or null when unmasked. */
  public Tensor paddingMask() {
    return paddingMask;
  }

  /** Rows in the batch. */
  public int batch() {
    return values.dim(0);
  }

  /** Source steps Tx. */
  public int sourceSteps() {
    return values.dim(1);
  }

  /** Features of one value. */
  public int features() {
    return values.dim(2);
  }

  /**
   * The memory whose row {@code i} is this memory's row {@code rows[i]} (rows may repeat), for
   * expanding sources into beams.
   */
  public AttentionMemory select(int[] rows) {
    IntTensor idx = IntTensor.vector(rows);
    int[] l = null;
    if (lengths != null) {
      l = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        l[i] = lengths[rows[i]];
      }
    }
    Tensor v = values.indexSelect(0, idx);
    Tensor k = keys == values ? v : keys.indexSelect(0, idx);
    return new AttentionMemory(v, k, l);
  }

  @Override
  public String toString() {
    return "AttentionMemory(values=" + Shape.format(values.shape()) + ", keys="
        + Shape.format(keys.shape()) + ", lengths=" + Arrays.toString(lengths) + ")";
  }
}
