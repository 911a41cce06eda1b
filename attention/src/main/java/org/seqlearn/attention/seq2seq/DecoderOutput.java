package org.seqlearn.attention.seq2seq;

import org.seqlearn.core.Tensor;

/**
 * What a decoder run over Ty steps returns.
 *
 * @param logits unnormalised scores of the output tokens, {@code [batch, Ty, V]}
 * @param weights the attention weights α⟨t,t′⟩ of every step, {@code [batch, Ty, Tx]}
 */
public record DecoderOutput(Tensor logits, Tensor weights) {}
