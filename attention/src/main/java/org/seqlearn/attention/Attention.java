package org.seqlearn.attention;

import org.seqlearn.core.Tensor;

/**
 * An attention over an encoded source a⟨1⟩…a⟨Tx⟩ for a batch of queries (decoder states).
 *
 * <p>Work that depends only on the source (projecting the keys) is done once by {@link #prepare};
 * each decoder step then calls {@link #attend} with its query, so a decoder loop never repeats
 * it. Scores of all source steps t′ for a query are computed together (one batched GEMM or one
 * broadcast op), never by a loop over t′.
 */
public interface Attention {

  /**
   * Prepares the source once for any number of {@link #attend} calls.
   *
   * @param memory the encoder outputs a⟨t′⟩, {@code [batch, Tx, features]}
   * @param lengths the source lengths, {@code [batch]}, each in {@code [1, Tx]}: steps at or past
   *     a row's length get exactly zero weight; null attends to all Tx steps (the course's
   *     unmasked behaviour)
   */
  AttentionMemory prepare(Tensor memory, int[] lengths);

  /**
   * Attends from {@code query} to the prepared source.
   *
   * @param query {@code [batch, Ty, queryFeatures]} (Ty = 1 for one decoder step)
   * @return context {@code [batch, Ty, features]} and weights {@code [batch, Ty, Tx]}
   */
  AttentionResult attend(Tensor query, AttentionMemory memory);

  /** {@link #prepare} then {@link #attend}. */
  default AttentionResult forward(Tensor query, Tensor memory, int[] lengths) {
    return attend(query, prepare(memory, lengths));
  }
}
