package org.seqlearn.nlp.vectors;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.parallel.ComputePool;

/**
 * The similarity queries behind {@link WordVectors}, on word indices: 3CosAdd nearest neighbours,
 * 3CosMul, and the odd-one-out. All scores are cosines against the cached unit matrix.
 */
final class NeighbourSearch {

  /** gensim's epsilon in the 3CosMul denominator. */
  static final double COSMUL_EPSILON = 1e-6;

  /** Rows per parallel block of a search (big enough to amortise the hand-off). */
  static final int BLOCK_ROWS = 8192;

  private final WordVectors vectors;
  private final float[] unit;
  private final int dim;

  NeighbourSearch(WordVectors vectors) {
    this.vectors = vectors;
    this.unit = vectors.unitMatrix();
    this.dim = vectors.dimension();
  }

  /**
   * 3CosAdd: rank candidates by cosine with the renormalised mean of {@code +unit(p)} and {@code
   * -unit(n)}; the query indices are excluded.
   */
  List<ScoredWord> mostSimilar(int[] positive, int[] negative, int topN, int restrictVocab) {
    int terms = positive.length + negative.length;
    if (terms == 0) {
      throw new IllegalArgumentException("expected at least one positive or negative word, got "
          + "none");
    }
    double[] mean = new double[dim];
    accumulate(mean, positive, 1.0);
    accumulate(mean, negative, -1.0);
    float[] query = new float[dim];
    for (int j = 0; j < dim; j++) {
      query[j] = (float) (mean[j] / terms);
    }
    return byUnitMean(unit(query), concat(positive, negative), topN, restrictVocab);
  }

  /** Ranks the first {@code restrictVocab} words by {@code unit(w)·query}, except excluded. */
  List<ScoredWord> byUnitMean(float[] query, int[] excluded, int topN, int restrictVocab) {
    Score score = i -> RowDot.dot(unit, i * dim, query, 0, dim);
    return scored(best(clip(restrictVocab), topN, excluded, score), score);
  }

  /** 3CosMul with gensim's (1 + cos) / 2 shift and 1e-6 epsilon; query indices excluded. */
  List<ScoredWord> mostSimilarCosMul(int[] positive, int[] negative, int topN,
      int restrictVocab) {
    if (positive.length == 0) {
      throw new IllegalArgumentException("3CosMul needs at least one positive word, got none");
    }
    Score score = i -> cosMul(i, positive, negative);
    return scored(best(clip(restrictVocab), topN, concat(positive, negative), score), score);
  }

  /** gensim {@code doesnt_match}: the known word least similar to the normalised mean. */
  String doesntMatch(List<String> candidates) {
    List<String> used = new ArrayList<>();
    for (String w : candidates) {
      if (vectors.contains(w)) {
        used.add(w);
      }
    }
    if (used.isEmpty()) {
      throw new IllegalArgumentException("expected at least one word in the vocabulary, got none "
          + "of " + candidates);
    }
    double[] mean = new double[dim];
    int[] rows = new int[used.size()];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = vectors.indexOf(used.get(k));
    }
    accumulate(mean, rows, 1.0);
    float[] query = new float[dim];
    for (int j = 0; j < dim; j++) {
      query[j] = (float) (mean[j] / rows.length);
    }
    query = unit(query);
    String worst = null;
    float worstScore = Float.POSITIVE_INFINITY;
    for (int k = 0; k < rows.length; k++) {
      float s = RowDot.dot(unit, rows[k] * dim, query, 0, dim);
      String w = used.get(k);
      // gensim: sorted(zip(dists, words), reverse=True)[-1] -> lowest score, then smallest word.
      if (s < worstScore || (s == worstScore && w.compareTo(worst) < 0)) {
        worst = w;
        worstScore = s;
      }
    }
    return worst;
  }

  private float cosMul(int i, int[] positive, int[] negative) {
    double num = 1.0;
    for (int p : positive) {
      num *= (1.0 + RowDot.dot(unit, i * dim, unit, p * dim, dim)) / 2.0;
    }
    double den = 1.0;
    for (int n : negative) {
      den *= (1.0 + RowDot.dot(unit, i * dim, unit, n * dim, dim)) / 2.0;
    }
    return (float) (num / (den + COSMUL_EPSILON));
  }

  private void accumulate(double[] mean, int[] rows, double weight) {
    for (int r : rows) {
      int base = r * dim;
      for (int j = 0; j < dim; j++) {
        mean[j] += weight * unit[base + j];
      }
    }
  }

  private int clip(int restrictVocab) {
    if (restrictVocab < 0) {
      throw new IllegalArgumentException("restrictVocab must be >= 0, got " + restrictVocab);
    }
    return Math.min(restrictVocab, vectors.size());
  }

  private interface Score {
    float of(int index);
  }

  /**
   * The indices of the {@code topN} best scores among rows {@code [0, end)} except {@code
   * excluded}, best first. Large searches split the rows into blocks scanned on the compute pool,
   * each keeping its own top-k, merged at the end; the ranking (score, then lower index) does not
   * depend on the split, so the result is the same for any thread count.
   */
  private static int[] best(int end, int topN, int[] excluded, Score score) {
    int k = Math.max(0, Math.min(topN, end));
    int blocks = (end + BLOCK_ROWS - 1) / BLOCK_ROWS;
    int threads = ComputePool.threads();
    if (blocks <= 1 || threads <= 1 || k == 0) {
      TopK top = new TopK(k);
      scan(0, end, excluded, score, top);
      return top.sortedIndices();
    }
    TopK[] partial = new TopK[blocks];
    ComputePool.parallelFor(blocks, threads, b -> {
      TopK top = new TopK(k);
      scan(b * BLOCK_ROWS, Math.min(end, (b + 1) * BLOCK_ROWS), excluded, score, top);
      partial[b] = top;
    });
    TopK merged = new TopK(k);
    for (TopK top : partial) {
      top.drainInto(merged);
    }
    return merged.sortedIndices();
  }

  private static void scan(int from, int to, int[] excluded, Score score, TopK top) {
    for (int i = from; i < to; i++) {
      if (!contains(excluded, i)) {
        top.offer(i, score.of(i));
      }
    }
  }

  private List<ScoredWord> scored(int[] best, Score score) {
    List<ScoredWord> result = new ArrayList<>(best.length);
    for (int i : best) {
      result.add(new ScoredWord(vectors.word(i), score.of(i)));
    }
    return result;
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] result = new int[a.length + b.length];
    System.arraycopy(a, 0, result, 0, a.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }

  static float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
    return RowDot.dot(a, aOffset, b, bOffset, n);
  }

  /** A unit-length copy of {@code v} (zero stays zero). */
  static float[] unit(float[] v) {
    double sq = 0;
    for (float x : v) {
      sq += (double) x * x;
    }
    float[] result = new float[v.length];
    if (sq > 0) {
      double inv = 1.0 / Math.sqrt(sq);
      for (int j = 0; j < v.length; j++) {
        result[j] = (float) (v[j] * inv);
      }
    }
    return result;
  }

  /** Row-wise unit normalisation of a {@code [rows, dim]} matrix into a new array. */
  static float[] normaliseRows(float[] m, int rows, int dim) {
    float[] result = new float[m.length];
    for (int r = 0; r < rows; r++) {
      int base = r * dim;
      double sq = 0;
      for (int j = 0; j < dim; j++) {
        sq += (double) m[base + j] * m[base + j];
      }
      if (sq > 0) {
        double inv = 1.0 / Math.sqrt(sq);
        for (int j = 0; j < dim; j++) {
          result[base + j] = (float) (m[base + j] * inv);
        }
      }
    }
    return result;
  }
}
