package org.seqlearn.attention;

import java.util.Arrays;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * A source prepared by {@link Attention#prepare}: the values a⟨t′⟩ that contexts are made of, the
 * keys the scores are computed against (the values themselves, or a projection of them computed
 * once), and the padding mask. Rows can be reordered ({@link #select}) for beam search: a
 * selected memory does not copy its sources, its rows index the sources of the memory it was
 * selected from (several beams of one sentence share that sentence's values and keys).
 */
public final class AttentionMemory {

  /** The sources' values, {@code [sources, Tx, features]}. */
  private final Tensor sourceValues;
  /** The sources' keys, {@code [sources, Tx, keyFeatures]}. */
  private final Tensor sourceKeys;
  /** Row r's source is {@code sourceRows[r]}; null when row r is source r. */
  private final int[] sourceRows;
  private final int[] lengths;
  private final Tensor paddingMask;
  private Tensor values;
  private Tensor keys;

  /**
   * @param values {@code [batch, Tx, features]}
   * @param keys {@code [batch, Tx, keyFeatures]}
   * @param lengths {@code [batch]} in {@code [1, Tx]}, or null for no masking
   */
  public AttentionMemory(Tensor values, Tensor keys, int[] lengths) {
    this(checked(values, keys), keys, null, lengths == null ? null : lengths.clone());
  }

  private static Tensor checked(Tensor values, Tensor keys) {
    if (values.rank() != 3) {
      throw new IllegalArgumentException("attention memory must be [batch, Tx, features], got "
          + Shape.format(values.shape()));
    }
    if (keys.rank() != 3 || keys.dim(0) != values.dim(0) || keys.dim(1) != values.dim(1)) {
      throw new IllegalArgumentException("attention keys must be [" + values.dim(0) + ", "
          + values.dim(1) + ", keyFeatures], got " + Shape.format(keys.shape()));
    }
    return values;
  }

  private AttentionMemory(Tensor sourceValues, Tensor sourceKeys, int[] sourceRows,
      int[] lengths) {
    this.sourceValues = sourceValues;
    this.sourceKeys = sourceKeys;
    this.sourceRows = sourceRows;
    this.lengths = lengths;
    if (sourceRows == null) {
      values = sourceValues;
      keys = sourceKeys;
    }
    this.paddingMask = lengths == null ? null
        : AttentionMasks.padding(lengths, batch(), sourceSteps());
  }

  /**
   * The values a⟨t′⟩ of every row, {@code [batch, Tx, features]}; after {@link #select}, built
   * (once) by copying each row's source.
   */
  public Tensor values() {
    if (values == null) {
      values = sourceValues.indexSelect(0, IntTensor.vector(sourceRows));
    }
    return values;
  }

  /**
   * The keys scores are computed against, {@code [batch, Tx, keyFeatures]}; after {@link
   * #select}, built (once) by copying each row's source.
   */
  public Tensor keys() {
    if (keys == null) {
      keys = sourceKeys == sourceValues ? values()
          : sourceKeys.indexSelect(0, IntTensor.vector(sourceRows));
    }
    return keys;
  }

  /** The sources' values without copying, {@code [sources, Tx, features]}. */
  Tensor sourceValues() {
    return sourceValues;
  }

  /** The sources' keys without copying, {@code [sources, Tx, keyFeatures]}. */
  Tensor sourceKeys() {
    return sourceKeys;
  }

  /**
   * The source of each row, {@code [batch]} indices into {@link #sourceValues()}'s first axis, or
   * null when row r is source r. Shared, not copied: callers must not write it.
   */
  int[] sourceRows() {
    return sourceRows;
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
    return sourceRows == null ? sourceValues.dim(0) : sourceRows.length;
  }

  /** Source steps Tx. */
  public int sourceSteps() {
    return sourceValues.dim(1);
  }

  /** Features of one value. */
  public int features() {
    return sourceValues.dim(2);
  }

  /**
   * The memory whose row {@code i} is this memory's row {@code rows[i]} (rows may repeat), for
   * expanding sources into beams and reordering them. The values and keys are not copied: the new
   * memory's rows index the same sources.
   *
   * @param rows {@code [newBatch]} row numbers in {@code [0, batch())}
   */
  public AttentionMemory select(int[] rows) {
    int batch = batch();
    int[] source = new int[rows.length];
    int[] l = lengths == null ? null : new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      if (r < 0 || r >= batch) {
        throw new IndexOutOfBoundsException("row " + r + " selected from a memory of " + batch
            + " rows");
      }
      source[i] = sourceRows == null ? r : sourceRows[r];
      if (l != null) {
        l[i] = lengths[r];
      }
    }
    return new AttentionMemory(sourceValues, sourceKeys, source, l);
  }

  @Override
  public String toString() {
    return "AttentionMemory(rows=" + batch() + ", values=" + Shape.format(sourceValues.shape())
        + ", keys=" + Shape.format(sourceKeys.shape()) + ", lengths=" + Arrays.toString(lengths)
        + ")";
  }
}
