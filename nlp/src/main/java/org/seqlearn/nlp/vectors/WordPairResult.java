package org.seqlearn.nlp.vectors;

/**
 * The outcome of {@link WordVectors#evaluateWordPairs}: gensim's {@code (pearson[0],
 * spearman[0], oov_ratio)} plus the pair counts.
 *
 * @param pearson Pearson's r between human scores and cosine similarities
 * @param spearman Spearman's rho (ties ranked by their average rank, as SciPy)
 * @param oovRatio percentage of valid pairs skipped for an unknown word (gensim's {@code
 *     oov_ratio}, 0..100)
 * @param pairsUsed pairs with both words known
 * @param pairsOov pairs skipped for an unknown word
 */
public record WordPairResult(double pearson, double spearman, double oovRatio, int pairsUsed,
    int pairsOov) {}
