package org.seqlearn.nlp.word2vec;

import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * The trained (or training) weights of word2vec: the input vectors {@code syn0 [V, D]} (the word
 * vectors), the negative-sampling output vectors {@code syn1neg [V, D]} and the hierarchical
 * softmax inner-node vectors {@code syn1 [V-1, D]}, row-major, with their vocabulary. The arrays
 * are shared with the trainer; {@link #wordVectors()} copies.
 */
public final class Word2VecModel {

  private final CorpusVocabulary vocabulary;
  private final int dim;
  private final float[] syn0;
  private final float[] syn1neg;
  private final float[] syn1;

  /**
   * Allocates and initialises the weights like gensim 4: {@code syn0} uniform in {@code [-1, 1) /
   * D} (twice the C tool's {@code [-0.5, 0.5) / D}; drawn in word order from {@code seed}),
   * output vectors zero.
   */
  Word2VecModel(CorpusVocabulary vocabulary, Word2VecConfig config) {
    this.vocabulary = vocabulary;
    this.dim = config.dimension();
    long cells = (long) vocabulary.size() * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("expected V x D <= " + (Integer.MAX_VALUE - 8)
          + ", got " + vocabulary.size() + " x " + dim + " = " + cells);
    }
    this.syn0 = new float[(int) cells];
    Rng rng = Rng.split(config.seed(), -1);
    for (int i = 0; i < syn0.length; i++) {
      syn0[i] = (2 * rng.nextFloat() - 1f) / dim;
    }
    this.syn1neg = config.negative() > 0 ? new float[(int) cells] : null;
    this.syn1 = config.hierarchicalSoftmax()
        ? new float[Math.max(0, vocabulary.size() - 1) * dim] : null;
  }

  /** The vocabulary, id order = row order. */
  public CorpusVocabulary vocabulary() {
    return vocabulary;
  }

  /** The vector dimension {@code D}. */
  public int dimension() {
    return dim;
  }

  /** The word vectors ({@code syn0}) as a copy, in vocabulary order. */
  public WordVectors wordVectors() {
    return WordVectors.of(vocabulary.words(), syn0, dim);
  }

  /** The live input matrix {@code [V, D]} (not a copy). */
  public float[] syn0() {
    return syn0;
  }

  /** The live negative-sampling output matrix {@code [V, D]}, or null without negatives. */
  public float[] syn1neg() {
    return syn1neg;
  }

  /** The live hierarchical-softmax matrix {@code [V-1, D]}, or null without it. */
  public float[] syn1() {
    return syn1;
  }
}
