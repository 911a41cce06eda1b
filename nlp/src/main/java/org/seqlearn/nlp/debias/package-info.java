/**
 * Debiasing word embeddings (Bolukbasi et al. 2016, as in the course): find a bias direction
 * {@code g} from definitional pairs ({@link BiasDirection}), neutralise words that should carry no
 * bias and equalise pairs that should differ only along {@code g} ({@link Debias}).
 */
package org.seqlearn.nlp.debias;
