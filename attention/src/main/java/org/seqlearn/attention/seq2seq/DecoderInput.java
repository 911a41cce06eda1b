package org.seqlearn.attention.seq2seq;

/** What the post-attention recurrent cell of an {@link AttentionDecoder} is fed at step t. */
public enum DecoderInput {
  /**
   * The course's non-autoregressive form: only the context c⟨t⟩; the previous output is not fed
   * back, the number of output steps Ty is fixed and no start or end token is needed.
   */
  CONTEXT,
  /**
   * Autoregressive: the embedding of the previous token y⟨t−1⟩ (the start token at t = 1, the
   * reference token when training with teacher forcing) concatenated with c⟨t⟩.
   */
  PREVIOUS_TOKEN_AND_CONTEXT
}
