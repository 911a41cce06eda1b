/**
 * Word vectors with the API of gensim's {@code KeyedVectors}: {@link
 * org.seqlearn.nlp.vectors.WordVectors} (lookup, cosine similarity, {@code mostSimilar} /
 * 3CosAdd, 3CosMul, {@code doesntMatch}), the word2vec text / binary and GloVe formats ({@link
 * org.seqlearn.nlp.vectors.WordVectorReader}, {@link org.seqlearn.nlp.vectors.WordVectorWriter}),
 * and gensim-compatible evaluation on analogy files ({@link
 * org.seqlearn.nlp.vectors.AnalogyEvaluation}) and word-similarity pairs ({@link
 * org.seqlearn.nlp.vectors.WordPairEvaluation}).
 *
 * <pre>{@code
 * WordVectors v = WordVectors.load(Path.of("vectors.bin"), WordVectorFormat.WORD2VEC_BINARY);
 * v.mostSimilar(List.of("king", "woman"), List.of("man"), 10);   // [queen=0.71, ...]
 * AnalogyResult r = v.evaluateWordAnalogies(Path.of("questions-words.txt"));
 * r.semantic().accuracy(); r.syntactic().accuracy(); r.seenRatio();
 * }</pre>
 */
package org.seqlearn.nlp.vectors;
