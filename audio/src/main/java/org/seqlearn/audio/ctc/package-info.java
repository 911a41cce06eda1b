/**
 * CTC decoding, plain Java (no autograd): from a network's per-frame log-probabilities ({@link
 * org.seqlearn.audio.ctc.FrameLogProbs} {@code [frames, symbols]}) to label sequences.
 *
 * <ul>
 *   <li>{@link org.seqlearn.audio.ctc.CtcGreedyDecoder}: best path, repeats collapsed, blanks
 *       dropped.
 *   <li>{@link org.seqlearn.audio.ctc.CtcPrefixBeamSearch}: Hannun et al.'s prefix beam search in
 *       log space with beam width, top-k and log-probability token pruning, a beam threshold, any
 *       blank index, n-best with scores and per-token frames ({@link
 *       org.seqlearn.audio.ctc.CtcBeamOptions}).
 *   <li>Scoring hooks ({@link org.seqlearn.audio.ctc.CtcScorer}): a character n-gram LM with
 *       weight and word bonus ({@link org.seqlearn.audio.ctc.LanguageModelScorer}, models from
 *       {@link org.seqlearn.audio.ctc.lm}), a word lexicon ({@link
 *       org.seqlearn.audio.ctc.LexiconScorer}), hotwords ({@link
 *       org.seqlearn.audio.ctc.HotwordScorer}), summed by {@link
 *       org.seqlearn.audio.ctc.CtcScorers}.
 * </ul>
 */
package org.seqlearn.audio.ctc;
