package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.Tensor;
import org.seqlearn.nlp.text.Tokenizer;
import org.seqlearn.nlp.text.WordTokenizer;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * Turns sentences into ids over a word-vector vocabulary: id {@code i + 1} is word {@code i} of
 * the {@link WordVectors}, id {@link #PAD} = 0 is padding. Tokens without a vector are dropped
 * (so a sentence may encode to no ids at all).
 */
public final class SentenceEncoder {

  /** The padding id. */
  public static final int PAD = 0;

  private final WordVectors vectors;
  private final Tokenizer tokenizer;

  /** Encodes with the given tokenizer. */
  public SentenceEncoder(WordVectors vectors, Tokenizer tokenizer) {
    this.vectors = vectors;
    this.tokenizer = tokenizer;
  }

  /** Encodes with whitespace tokens, lower-cased (the rt-polarity text is pre-tokenized). */
  public SentenceEncoder(WordVectors vectors) {
    this(vectors, new WordTokenizer(WordTokenizer.Mode.WHITESPACE, true));
  }

  /** The word vectors. */
  public WordVectors vectors() {
    return vectors;
  }

  /** Vocabulary size including padding: {@code vectors.size() + 1}. */
  public int vocabularySize() {
    return vectors.size() + 1;
  }

  /** Vector dimension. */
  public int dimension() {
    return vectors.dimension();
  }

  /** The in-vocabulary ids of one sentence, in order. */
  public int[] encode(String text) {
    List<String> tokens = tokenizer.tokenize(text);
    int[] ids = new int[tokens.size()];
    int n = 0;
    for (String t : tokens) {
      int i = vectors.indexOf(t);
      if (i >= 0) {
        ids[n++] = i + 1;
      }
    }
    return java.util.Arrays.copyOf(ids, n);
  }

  /** Encodes each text. */
  public List<int[]> encodeAll(List<String> texts) {
    List<int[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(encode(t));
    }
    return out;
  }

  /** The embedding matrix {@code [vocabularySize, dimension]}: row 0 zeros, row i+1 word i. */
  public Tensor embeddingMatrix() {
    int d = vectors.dimension();
    float[] m = new float[(vectors.size() + 1) * d];
    System.arraycopy(vectors.matrix(), 0, m, d, vectors.size() * d);
    return Tensor.wrap(m, vectors.size() + 1, d);
  }
}
