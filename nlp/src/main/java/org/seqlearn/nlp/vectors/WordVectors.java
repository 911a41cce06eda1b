package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.Tensor;

/**
 * Word vectors: a vocabulary (word ↔ index, in file order, which by convention is descending
 * frequency) and a row-major matrix {@code [V, D]} of float32 vectors, with gensim-style queries.
 *
 * <p>Correspondence with gensim's {@code KeyedVectors}:
 *
 * <table>
 *   <caption>gensim → seqlearn</caption>
 *   <tr><td>{@code kv.index_to_key[i]}, {@code kv.key_to_index[w]}</td>
 *       <td>{@link #word(int)}, {@link #indexOf(String)}</td></tr>
 *   <tr><td>{@code kv[w]}, {@code kv.get_vector(w, norm=True)}</td>
 *       <td>{@link #vector(String)}, {@link #unitVector(String)}</td></tr>
 *   <tr><td>{@code kv.similarity(w1, w2)}</td><td>{@link #similarity(String, String)}</td></tr>
 *   <tr><td>{@code kv.most_similar(positive, negative, topn, restrict_vocab=...)}</td>
 *       <td>{@link #mostSimilar(List, List, int, int)}</td></tr>
 *   <tr><td>{@code kv.similar_by_vector(v, topn)}</td>
 *       <td>{@link #similarByVector(float[], int, int)}</td></tr>
 *   <tr><td>{@code kv.most_similar_cosmul(positive, negative, topn)}</td>
 *       <td>{@link #mostSimilarCosMul(List, List, int, int)}</td></tr>
 *   <tr><td>{@code kv.doesnt_match(words)}</td><td>{@link #doesntMatch(List)}</td></tr>
 *   <tr><td>{@code kv.evaluate_word_analogies(path)}</td>
 *       <td>{@link #evaluateWordAnalogies(Path, int, boolean)}</td></tr>
 *   <tr><td>{@code kv.evaluate_word_pairs(path)}</td>
 *       <td>{@link #evaluateWordPairs(Path, int, boolean)}</td></tr>
 *   <tr><td>{@code KeyedVectors.load_word2vec_format(path, binary, limit)}</td>
 *       <td>{@link WordVectorReader#read(Path, WordVectorFormat, int)}</td></tr>
 * </table>
 *
 * <p>Instances are immutable and thread-safe. The unit-normalised matrix used by every similarity
 * query is computed once, on first use, and cached. A vector of norm zero stays zero in that view
 * (its cosine with anything is 0; gensim would produce NaN).
 */
public final class WordVectors {

  /**
   * The largest vector dimension {@code D} accepted (2^20): far above any real embedding, small
   * enough that one vector is a few MiB, so a file's header cannot make a reader or a writer
   * allocate more.
   */
  public static final int MAX_DIMENSION = 1 << 20;

  private final String[] words;
  private final Map<String, Integer> index;
  private final float[] vectors;
  private final int dim;
  private final Object unitLock = new Object();
  private volatile float[] unit;

  /** Takes ownership of the arrays (no copy); callers guarantee distinct words. */
  WordVectors(String[] words, Map<String, Integer> index, float[] vectors, int dim) {
    this.words = words;
    this.index = index;
    this.vectors = vectors;
    this.dim = dim;
  }

  /**
   * Creates word vectors from a word list and a row-major matrix (copied).
   *
   * @param words the vocabulary in order, {@code V} distinct words
   * @param vectors {@code [V * dim]} row-major values, row {@code i} belonging to {@code words[i]}
   * @param dim the vector dimension, {@code 1 <= D <= }{@link #MAX_DIMENSION}
   * @throws IllegalArgumentException on a size mismatch, a duplicate or an empty word
   */
  public static WordVectors of(List<String> words, float[] vectors, int dim) {
    if (dim < 1 || dim > MAX_DIMENSION) {
      throw new IllegalArgumentException("dimension must be in [1, " + MAX_DIMENSION + "], got "
          + dim);
    }
    if ((long) words.size() * dim != vectors.length) {
      throw new IllegalArgumentException("expected " + words.size() + " x " + dim + " = "
          + (long) words.size() * dim + " values, got " + vectors.length);
    }
    String[] copy = words.toArray(new String[0]);
    Map<String, Integer> index = new HashMap<>(copy.length * 2);
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null || copy[i].isEmpty()) {
        throw new IllegalArgumentException("word #" + i + " must be non-empty, got '" + copy[i]
            + "'");
      }
      Integer previous = index.putIfAbsent(copy[i], i);
      if (previous != null) {
        throw new IllegalArgumentException("duplicate word '" + copy[i] + "' at indices "
            + previous + " and " + i);
      }
    }
    return new WordVectors(copy, index, vectors.clone(), dim);
  }

  /** Reads a file in the given format; see {@link WordVectorReader}. */
  public static WordVectors load(Path file, WordVectorFormat format) throws IOException {
    return WordVectorReader.read(file, format);
  }

  /** Writes these vectors atomically in the given format; see {@link WordVectorWriter}. */
  public void save(Path file, WordVectorFormat format) throws IOException {
    WordVectorWriter.write(this, file, format);
  }

  /** The number of words {@code V}. */
  public int size() {
    return words.length;
  }

  /** The vector dimension {@code D}. */
  public int dimension() {
    return dim;
  }

  /** The word at {@code index} (0 = most frequent by convention). */
  public String word(int index) {
    return words[index];
  }

  /** The vocabulary in index order (unmodifiable view). */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** The index of {@code word}, or -1 when it is not in the vocabulary. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** Whether {@code word} is in the vocabulary. */
  public boolean contains(String word) {
    return index.containsKey(word);
  }

  /** A copy of the vector of {@code word}, {@code [D]}. */
  public float[] vector(String word) {
    int i = require(word);
    return Arrays.copyOfRange(vectors, i * dim, (i + 1) * dim);
  }

  /** A copy of the vector at row {@code index}, {@code [D]}. */
  public float[] vector(int index) {
    return Arrays.copyOfRange(vectors, index * dim, (index + 1) * dim);
  }

  /** A copy of the unit-length vector of {@code word}, {@code [D]} (gensim {@code norm=True}). */
  public float[] unitVector(String word) {
    int i = require(word);
    return Arrays.copyOfRange(unitMatrix(), i * dim, (i + 1) * dim);
  }

  /** A copy of the whole matrix, {@code [V * D]} row-major. */
  public float[] matrix() {
    return vectors.clone();
  }

  /** A new tensor {@code [V, D]} holding a copy of the matrix. */
  public Tensor toTensor() {
    return Tensor.wrap(vectors.clone(), words.length, dim);
  }

  /**
   * Cosine similarity {@code u·v / (‖u‖‖v‖)} of two words (gensim {@code similarity}).
   *
   * @throws IllegalArgumentException if a word is not in the vocabulary
   */
  public float similarity(String w1, String w2) {
    return similarity(require(w1), require(w2));
  }

  /** Cosine similarity of the words at two indices. */
  public float similarity(int i, int j) {
    float[] u = unitMatrix();
    return NeighbourSearch.dot(u, i * dim, u, j * dim, dim);
  }

  /**
   * Cosine similarity of {@code word} with every word, in index order (gensim {@code
   * most_similar(word, topn=None)}, but including the word itself).
   *
   * @return {@code [V]}
   */
  public float[] similarities(String word) {
    int w = require(word);
    float[] u = unitMatrix();
    float[] result = new float[words.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = NeighbourSearch.dot(u, i * dim, u, w * dim, dim);
    }
    return result;
  }

  /** {@code mostSimilar(List.of(word), List.of(), topN, size())}. */
  public List<ScoredWord> mostSimilar(String word, int topN) {
    return mostSimilar(List.of(word), List.of(), topN, words.length);
  }

  /** {@code mostSimilar(positive, negative, topN, size())}. */
  public List<ScoredWord> mostSimilar(List<String> positive, List<String> negative, int topN) {
    return mostSimilar(positive, negative, topN, words.length);
  }

  /**
   * The {@code topN} words most similar to the mean of the unit-normalised positive vectors and
   * the negated unit-normalised negative vectors (3CosAdd for {@code positive=[b, c],
   * negative=[a]}), as gensim {@code most_similar}: the mean is renormalised, every candidate is
   * scored by cosine, and the query words themselves are never returned.
   *
   * @param restrictVocab only the first {@code restrictVocab} words are candidates
   * @return up to {@code topN} words, best first
   * @throws IllegalArgumentException if a query word is unknown or there are no query words
   */
  public List<ScoredWord> mostSimilar(List<String> positive, List<String> negative, int topN,
      int restrictVocab) {
    return new NeighbourSearch(this).mostSimilar(indices(positive), indices(negative), topN,
        restrictVocab);
  }

  /**
   * The {@code topN} words most similar to an arbitrary vector (gensim {@code similar_by_vector};
   * nothing is excluded), best first.
   *
   * @param vector {@code [D]}
   */
  public List<ScoredWord> similarByVector(float[] vector, int topN, int restrictVocab) {
    if (vector.length != dim) {
      throw new IllegalArgumentException("expected a vector of length " + dim + ", got "
          + vector.length);
    }
    return new NeighbourSearch(this).byUnitMean(NeighbourSearch.unit(vector), new int[0], topN,
        restrictVocab);
  }

  /**
   * Solves {@code a : b :: c : ?} by 3CosAdd: {@code mostSimilar([b, c], [a], topN)}.
   */
  public List<ScoredWord> analogy(String a, String b, String c, int topN) {
    return mostSimilar(List.of(b, c), List.of(a), topN);
  }

  /**
   * Solves {@code a : b :: c : ?} by 3CosMul: {@code mostSimilarCosMul([b, c], [a], topN)}.
   */
  public List<ScoredWord> analogyCosMul(String a, String b, String c, int topN) {
    return mostSimilarCosMul(List.of(b, c), List.of(a), topN, words.length);
  }

  /** {@code mostSimilarCosMul(positive, negative, topN, size())}. */
  public List<ScoredWord> mostSimilarCosMul(List<String> positive, List<String> negative,
      int topN) {
    return mostSimilarCosMul(positive, negative, topN, words.length);
  }

  /**
   * The multiplicative objective of Levy &amp; Goldberg (2014), as gensim {@code
   * most_similar_cosmul}: with {@code s(w, x) = (1 + cos(w, x)) / 2}, each candidate {@code w}
   * scores {@code Π_p s(w, p) / (Π_n s(w, n) + 1e-6)}; query words are never returned.
   *
   * @param restrictVocab only the first {@code restrictVocab} words are candidates (gensim 4.2
   *     ignores this argument and always searches the whole vocabulary)
   * @return up to {@code topN} words, best first
   */
  public List<ScoredWord> mostSimilarCosMul(List<String> positive, List<String> negative,
      int topN, int restrictVocab) {
    return new NeighbourSearch(this).mostSimilarCosMul(indices(positive), indices(negative), topN,
        restrictVocab);
  }

  /**
   * The word furthest from the mean of the given words' unit vectors (gensim {@code
   * doesnt_match}). Unknown words are ignored.
   *
   * @throws IllegalArgumentException if none of the words is in the vocabulary
   */
  public String doesntMatch(List<String> candidates) {
    return new NeighbourSearch(this).doesntMatch(candidates);
  }

  /**
   * The first {@code n} words (the {@code n} most frequent by convention) with their vectors.
   *
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public WordVectors restrictVocab(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("restrictVocab must be >= 0, got " + n);
    }
    if (n >= words.length) {
      return this;
    }
    return of(Arrays.asList(words).subList(0, n), Arrays.copyOf(vectors, n * dim), dim);
  }

  /**
   * A copy in which every vector has unit length (gensim {@code unit_normalize_all}, without
   * modifying this instance); zero vectors stay zero.
   */
  public WordVectors normalized() {
    return new WordVectors(words, index, unitMatrix().clone(), dim);
  }

  /**
   * A copy with some vectors replaced (the matrix is copied once; the vocabulary is shared).
   *
   * @param replacements word → new vector {@code [D]}
   * @throws IllegalArgumentException if a word is unknown or a vector is not of length {@code D}
   */
  public WordVectors withVectors(Map<String, float[]> replacements) {
    float[] copy = vectors.clone();
    for (Map.Entry<String, float[]> e : replacements.entrySet()) {
      int i = require(e.getKey());
      if (e.getValue().length != dim) {
        throw new IllegalArgumentException("vector for '" + e.getKey() + "': expected length "
            + dim + ", got " + e.getValue().length);
      }
      System.arraycopy(e.getValue(), 0, copy, i * dim, dim);
    }
    return new WordVectors(words, index, copy, dim);
  }

  /**
   * Word-analogy accuracy as gensim {@code evaluate_word_analogies}; see {@link
   * AnalogyEvaluation}.
   */
  public AnalogyResult evaluateWordAnalogies(Path questions) throws IOException {
    return AnalogyEvaluation.evaluate(this, questions, 300_000, true);
  }

  /** See {@link AnalogyEvaluation#evaluate(WordVectors, Path, int, boolean)}. */
  public AnalogyResult evaluateWordAnalogies(Path questions, int restrictVocab,
      boolean caseInsensitive) throws IOException {
    return AnalogyEvaluation.evaluate(this, questions, restrictVocab, caseInsensitive);
  }

  /**
   * Word-pair correlations as gensim {@code evaluate_word_pairs}; see {@link WordPairEvaluation}.
   */
  public WordPairResult evaluateWordPairs(Path pairs) throws IOException {
    return WordPairEvaluation.evaluate(this, pairs, 300_000, true);
  }

  /** See {@link WordPairEvaluation#evaluate(WordVectors, Path, int, boolean)}. */
  public WordPairResult evaluateWordPairs(Path pairs, int restrictVocab, boolean caseInsensitive)
      throws IOException {
    return WordPairEvaluation.evaluate(this, pairs, restrictVocab, caseInsensitive);
  }

  /** See {@link WordPairEvaluation#evaluate(WordVectors, Path, int, boolean, String, boolean)}. */
  public WordPairResult evaluateWordPairs(Path pairs, int restrictVocab, boolean caseInsensitive,
      String delimiter, boolean dummy4unknown) throws IOException {
    return WordPairEvaluation.evaluate(this, pairs, restrictVocab, caseInsensitive, delimiter,
        dummy4unknown);
  }

  @Override
  public String toString() {
    return "WordVectors[" + words.length + " x " + dim + "]";
  }

  /** The raw matrix (not copied): for this package's readers of the data only. */
  float[] rawMatrix() {
    return vectors;
  }

  /** The unit-normalised matrix {@code [V * D]}, computed once (thread-safe lazy). */
  float[] unitMatrix() {
    float[] u = unit;
    if (u == null) {
      synchronized (unitLock) {
        u = unit;
        if (u == null) {
          u = NeighbourSearch.normaliseRows(vectors, words.length, dim);
          unit = u;
        }
      }
    }
    return u;
  }

  int require(String word) {
    Integer i = index.get(word);
    if (i == null) {
      throw new IllegalArgumentException("word '" + word + "' not in vocabulary (" + words.length
          + " words)");
    }
    return i;
  }

  private int[] indices(List<String> query) {
    int[] result = new int[query.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = require(query.get(i));
    }
    return result;
  }
}
