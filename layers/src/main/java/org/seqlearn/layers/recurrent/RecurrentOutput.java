package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Tensor;

/**
 * What a recurrent layer returns.
 *
 * @param output all steps {@code [batch, time, features]} (or {@code [time, batch, features]}
 *     when not batch-first) with zeros past each sequence's length, or, when the layer does not
 *     return sequences, the last step {@code [batch, features]}
 * @param hN final hidden states {@code [numLayers * numDirections, batch, hidden]}, each taken at
 *     its sequence's own last step
 * @param cN final cell states of an LSTM, same shape as {@code hN}; null for GRU and RNN
 */
public record RecurrentOutput(Tensor output, Tensor hN, Tensor cN) {}
