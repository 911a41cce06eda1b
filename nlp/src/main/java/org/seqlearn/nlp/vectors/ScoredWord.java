package org.seqlearn.nlp.vectors;

/**
 * A word with a score, as returned by the similarity queries of {@link WordVectors}: the
 * counterpart of gensim's {@code (key, similarity)} tuples.
 *
 * @param word the word
 * @param score cosine similarity (or the 3CosMul objective for {@code mostSimilarCosMul})
 */
public record ScoredWord(String word, float score) {

  @Override
  public String toString() {
    return word + "=" + score;
  }
}
