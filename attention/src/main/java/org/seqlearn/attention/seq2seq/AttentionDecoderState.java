package org.seqlearn.attention.seq2seq;

import org.seqlearn.attention.AttentionMemory;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.decode.DecoderState;

/**
 * The state of a batch of {@link AttentionDecoder} rows between steps: the post-attention LSTM's
 * s⟨t−1⟩ and cell c⟨t−1⟩, and each row's prepared source (rows of several beams of one sentence
 * share its source).
 *
 * @param hidden s⟨t−1⟩, {@code [rows, hidden]}
 * @param cell the LSTM cell state, {@code [rows, hidden]}
 * @param memory the rows' sources, {@code rows} rows
 */
public record AttentionDecoderState(Tensor hidden, Tensor cell, AttentionMemory memory)
    implements DecoderState<AttentionDecoderState> {

  @Override
  public int rows() {
    return hidden.dim(0);
  }

  @Override
  public AttentionDecoderState select(int[] indices) {
    IntTensor idx = IntTensor.vector(indices);
    return new AttentionDecoderState(hidden.indexSelect(0, idx), cell.indexSelect(0, idx),
        memory.select(indices));
  }
}
