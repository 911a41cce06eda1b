package org.seqlearn.nlp.lm;

import org.seqlearn.core.Tensor;
import org.seqlearn.layers.decode.DecoderState;

/**
 * The recurrent state carried from one call of a {@link RecurrentLanguageModel} to the next: the
 * final states of one call are the initial states of the next, so feeding a sequence in pieces
 * gives the same logits as feeding it at once. As a {@link DecoderState} its rows are the batch
 * entries (dimension 1), which beam search reorders.
 *
 * @param h the hidden states a⟨t⟩ {@code [numLayers, batch, hidden]}
 * @param c the memory cells c⟨t⟩ of an LSTM, shaped like {@code h}; null for GRU and RNN
 */
public record RecurrentState(Tensor h, Tensor c) implements DecoderState<RecurrentState> {

  /** The same values cut from the autograd graph (for carrying state without back-propagation). */
  public RecurrentState detach() {
    return new RecurrentState(h.detach(), c == null ? null : c.detach());
  }

  /** The batch size. */
  @Override
  public int rows() {
    return h.dim(1);
  }

  /**
   * A state whose batch entry {@code i} is this state's entry {@code indices[i]} (a copy, outside
   * the autograd graph).
   *
   * @param indices entries in {@code [0, rows())}, {@code [newBatch]}
   */
  @Override
  public RecurrentState select(int[] indices) {
    return new RecurrentState(selectRows(h, indices), c == null ? null : selectRows(c, indices));
  }

  private static Tensor selectRows(Tensor x, int[] indices) {
    int layers = x.dim(0);
    int rows = x.dim(1);
    int hidden = x.dim(2);
    float[] src = x.toArray();
    float[] out = new float[layers * indices.length * hidden];
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < indices.length; i++) {
        int r = indices[i];
        if (r < 0 || r >= rows) {
          throw new IllegalArgumentException("row index must be in [0, " + rows + "), got " + r);
        }
        System.arraycopy(src, (l * rows + r) * hidden, out, (l * indices.length + i) * hidden,
            hidden);
      }
    }
    return Tensor.wrap(out, layers, indices.length, hidden);
  }
}
