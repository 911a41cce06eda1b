package org.seqlearn.nlp.sentiment;

/**
 * One cross-validation split: indices into a dataset.
 *
 * @param train training example indices (ascending)
 * @param test held-out example indices (ascending)
 */
public record Fold(int[] train, int[] test) {}
