/**
 * Recurrent language models and sampling, the course's "dinosaur names" setting generalised.
 *
 * <ul>
 *   <li>{@link org.seqlearn.nlp.lm.RecurrentLanguageModel}: embedding → LSTM/GRU/RNN → linear →
 *       softmax over the vocabulary, logits {@code [batch, time, V]}, with its recurrent state
 *       carried between calls ({@link org.seqlearn.nlp.lm.RecurrentState}); it is a
 *       {@link org.seqlearn.layers.decode.StepDecoder}, so greedy decoding, sampling and beam
 *       search of {@code org.seqlearn.layers.decode} run on it in batches.
 *   <li>{@link org.seqlearn.nlp.lm.LanguageModelTrainer}: teacher forcing from ⟨EOS⟩ ({@link
 *       org.seqlearn.nlp.lm.TeacherForcedBatch}), cross-entropy, gradient clipping, Adam.
 *   <li>{@link org.seqlearn.nlp.lm.LanguageModelEvaluator}: exact held-out negative
 *       log-likelihood, bits per character and perplexity ({@link
 *       org.seqlearn.nlp.lm.Evaluation}).
 *   <li>{@link org.seqlearn.nlp.lm.SequenceSampler}: sampling one token at a time with
 *       temperature, top-k and top-p, one sequence at a time (a facade over
 *       {@link org.seqlearn.layers.decode.Sampler}).
 *   <li>{@link org.seqlearn.nlp.lm.LanguageModelFile}: model and vocabulary in one safetensors
 *       file.
 * </ul>
 *
 * <p>What is counted: a sequence y⟨1⟩ … y⟨n⟩ is fed as ⟨EOS⟩, y⟨1⟩, …, y⟨n⟩ and predicts y⟨1⟩,
 * …, y⟨n⟩, ⟨EOS⟩, so it contributes {@code n + 1} predicted tokens; the leading ⟨EOS⟩ is only a
 * start marker and is never scored.
 */
package org.seqlearn.nlp.lm;
