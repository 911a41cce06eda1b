/**
 * Sentence-level sentiment classification: labelled datasets with k-fold splits, an averaging
 * classifier over word vectors (model A), an LSTM classifier (model B), training and evaluation.
 */
package org.seqlearn.nlp.sentiment;
