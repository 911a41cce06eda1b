package org.seqlearn.nlp.lm;

/**
 * One sampled sequence.
 *
 * @param tokens the generated ids, without ⟨EOS⟩ (and without any given prefix)
 * @param endedWithEos true when the model chose ⟨EOS⟩, false when the length cap stopped it
 */
public record Sample(int[] tokens, boolean endedWithEos) {}
