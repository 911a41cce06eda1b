/**
 * Sentence-level sentiment classification: labelled datasets with k-fold splits, a review
 * tokeniser that matches text8-tokenised word vectors, the restriction of pretrained vectors to a
 * dataset's words, an averaging classifier over word vectors (model A), an LSTM classifier
 * (model B: one or two directions, last/max/mean pooling over the sentence's steps, frozen or
 * fine-tuned embeddings), and a trainer with length-bucketed batches, gradient clipping, weight
 * decay and early stopping on a held-out share of the training data.
 */
package org.seqlearn.nlp.sentiment;
