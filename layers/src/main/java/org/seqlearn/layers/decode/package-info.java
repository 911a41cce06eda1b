/**
 * Decoding of autoregressive models: the {@link org.seqlearn.layers.decode.StepDecoder} interface
 * that sequence-to-sequence models, language models and acoustic models implement, and the
 * searches over it. Plain Java, no autograd (each step runs in a no-grad scope).
 *
 * <ul>
 *   <li>{@link org.seqlearn.layers.decode.BeamSearch} with
 *       {@link org.seqlearn.layers.decode.BeamSearchOptions}: beam width, n-best lists, minimum
 *       and (source-dependent) maximum length, length penalties
 *       ({@link org.seqlearn.layers.decode.LengthPenalty}), GNMT's coverage penalty, n-gram
 *       blocking, exact or early stopping ({@link org.seqlearn.layers.decode.Stopping}).
 *   <li>{@link org.seqlearn.layers.decode.Sampler} with
 *       {@link org.seqlearn.layers.decode.SamplingOptions}: greedy decoding, and sampling with
 *       temperature, top-k and top-p ({@link org.seqlearn.layers.decode.SamplingDistribution}).
 *   <li>{@link org.seqlearn.layers.decode.ForcedDecoding}: log P(y|x) of given outputs, and
 *       {@link org.seqlearn.layers.decode.ErrorAnalysis}: the course's "search or model at
 *       fault?".
 * </ul>
 *
 * <p>All of them are batched the same way: the initial state has one row per sentence, every
 * output step is one {@link org.seqlearn.layers.decode.StepDecoder#step} call for all rows still
 * running (sentences × beams for beam search), and results are
 * {@link org.seqlearn.layers.decode.Hypothesis} objects: tokens without start and end tokens,
 * whether the end token came, log P(y|x), per-token log-probabilities and the search's score.
 */
package org.seqlearn.layers.decode;
