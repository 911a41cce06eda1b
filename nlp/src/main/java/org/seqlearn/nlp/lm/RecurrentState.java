package org.seqlearn.nlp.lm;

import org.seqlearn.core.Tensor;

/**
 * The recurrent state carried from one call of a {@link RecurrentLanguageModel} to the next: the
 * final states of one call are the initial states of the next, so feeding a sequence in pieces
 * gives the same logits as feeding it at once.
 *
 * @param h the hidden states a⟨t⟩ {@code [numLayers, batch, hidden]}
 * @param c the memory cells c⟨t⟩ of an LSTM, shaped like {@code h}; null for GRU and RNN
 */
public record RecurrentState(Tensor h, Tensor c) {

  /** The same values cut from the autograd graph (for carrying state without back-propagation). */
  public RecurrentState detach() {
    return new RecurrentState(h.detach(), c == null ? null : c.detach());
  }
}
