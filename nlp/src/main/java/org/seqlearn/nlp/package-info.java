/**
 * seqlearn nlp. Word vectors and their evaluation ({@link org.seqlearn.nlp.vectors}), debiasing
 * ({@link org.seqlearn.nlp.debias}) and text preparation: tokenisers, vocabularies and padded
 * batches ({@link org.seqlearn.nlp.text}).
 */
package org.seqlearn.nlp;
