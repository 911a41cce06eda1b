package org.seqlearn.nlp.lm;

import org.seqlearn.core.Tensor;

/**
 * What one call of {@link RecurrentLanguageModel#forward} returns.
 *
 * @param logits unnormalised scores of the next token, {@code [batch, time, V]}: position
 *     {@code t} scores y⟨t+1⟩ given the inputs up to and including step {@code t}
 * @param state the final recurrent state, each sequence's taken at its own last step
 */
public record LanguageModelOutput(Tensor logits, RecurrentState state) {}
