/**
 * Sequence tagging data and evaluation: the CoNLL column format ({@link
 * org.seqlearn.nlp.tagging.ConllReader}, {@link org.seqlearn.nlp.tagging.ConllWriter}), the tag
 * schemes IOB1, BIO and BIOES with conversion between them ({@link
 * org.seqlearn.nlp.tagging.TagScheme}), and the entity-level scorer of the CoNLL shared tasks
 * ({@link org.seqlearn.nlp.tagging.EntityScorer}, a port of conlleval whose reports {@link
 * org.seqlearn.nlp.tagging.ConllevalReport} prints byte for byte like the Perl script's), and
 * the BiLSTM(-CRF) tagger ({@link org.seqlearn.nlp.tagging.BiLstmTagger}: word embeddings and a
 * character CNN, a BiLSTM, a softmax or {@link org.seqlearn.layers.crf.LinearChainCrf} output)
 * with its input encoding ({@link org.seqlearn.nlp.tagging.TaggerEncoder}).
 *
 * <p>The scorer follows conlleval rather than seqeval: conlleval is the standard the shared tasks
 * and papers report, and seqeval's default mode follows it. Its equality with conlleval is tested
 * on fixtures written by {@code tools/gen_conlleval_fixtures.py}, which runs the Perl script.
 */
package org.seqlearn.nlp.tagging;
