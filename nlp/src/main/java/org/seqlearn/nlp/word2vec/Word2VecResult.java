package org.seqlearn.nlp.word2vec;

/**
 * What {@link Word2VecTrainer} returns.
 *
 * @param model the trained weights and vocabulary
 * @param summary the whole run as one report: all words, the total wall time, and the loss and
 *     examples of all epochs
 * @param effectiveWords words trained on after subsampling, over all epochs
 * @param vocabularySeconds wall time of the vocabulary pass (0 when a vocabulary was given)
 */
public record Word2VecResult(Word2VecModel model, TrainingProgress summary, long effectiveWords,
    double vocabularySeconds) {}
