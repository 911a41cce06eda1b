package org.seqlearn.layers.decode;

/**
 * One step of an autoregressive model, as searches see it: given each row's state and the token it
 * emitted last, the log-probabilities of the next token and the state after consuming that token.
 * Sequence-to-sequence decoders, language models and acoustic models implement it, so that one
 * greedy, sampling or beam search serves all of them.
 *
 * <p>A search calls {@link #step} once per output step for all rows of the batch at once
 * (sentences × beams), so an implementation should run one batched forward pass per call and
 * allocate nothing per step beyond the returned state.
 *
 * <p>The searches wrap each call in a no-grad scope; put a module in evaluation mode first. Beam
 * search and {@link ForcedDecoding} need true log-probabilities (rows whose exponentials add up
 * to 1); greedy decoding and sampling ({@link Sampler}) use only differences within a row, so a
 * decoder used only by them may write unnormalised logits and say so with {@link #normalised()}.
 *
 * @param <S> the model's state type
 */
public interface StepDecoder<S extends DecoderState<S>> {

  /** The number of output tokens V; log-probabilities come as {@code [rows, V]}. */
  int vocabularySize();

  /**
   * Runs one step for every row.
   *
   * @param state the rows' states before this step ({@code state.rows()} rows)
   * @param lastTokens {@code [rows]} the token each row emitted last (the start token at the first
   *     step)
   * @param logProbs output, at least {@code rows × V} long: row {@code r}'s log-probabilities of
   *     the next token go to {@code [r·V, (r+1)·V)} (row-major {@code [rows, V]}); the caller owns
   *     and reuses this buffer
   * @return the rows' states after this step (same row order as {@code state})
   */
  S step(S state, int[] lastTokens, float[] logProbs);

  /**
   * True (the default) when {@link #step} writes log-probabilities; false when it writes
   * unnormalised logits, which only greedy decoding and sampling accept (they then normalise the
   * row themselves to report log-probabilities).
   */
  default boolean normalised() {
    return true;
  }

  /**
   * The attention weights α⟨t,t′⟩ of the step just run, row-major {@code [rows, Tx]}, for the
   * coverage penalty of beam search; null for a model without attention (the default). The array
   * may be reused by the next call; a search copies what it keeps.
   */
  default float[] lastAttention() {
    return null;
  }
}
