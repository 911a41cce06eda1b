/**
 * Decoding of autoregressive models: the {@link org.seqlearn.layers.decode.StepDecoder} interface
 * that sequence-to-sequence models, language models and acoustic models implement, and the
 * searches over it (greedy, sampling, beam search). Plain Java, no autograd.
 */
package org.seqlearn.layers.decode;
