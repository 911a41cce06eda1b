package org.seqlearn.layers.decode;

/**
 * The recurrent state of a batch of decoder rows (one row per sentence, or per sentence × beam),
 * opaque to the searches. A search never looks inside; it only reorders rows when beams are
 * expanded, pruned or finished.
 *
 * @param <S> the implementing type, so that {@link #select} returns it without a cast
 */
public interface DecoderState<S extends DecoderState<S>> {

  /** The number of rows this state holds. */
  int rows();

  /**
   * A state whose row {@code i} is this state's row {@code indices[i]}. Indices may repeat (a beam
   * expanded into several) and may be fewer than {@link #rows()} (beams dropped).
   *
   * @param indices row numbers in {@code [0, rows())}, {@code [newRows]}
   * @return a state with {@code indices.length} rows; this state is left unchanged
   */
  S select(int[] indices);
}
