package org.seqlearn.nlp.debias;

import java.util.List;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * A bias direction {@code g} {@code [D]} from definitional pairs such as {@code (woman, man),
 * (girl, boy), (she, he)}. Use unit-length vectors ({@link WordVectors#normalized()}) as in the
 * course; the methods use the vectors exactly as given.
 */
public final class BiasDirection {

  private static final int MAX_ITERATIONS = 1000;

  private BiasDirection() {}

  /**
   * The average difference {@code g = (1/n) Σ (e_first − e_second)} over the pairs.
   *
   * @param pairs each {@code [first, second]}, e.g. {@code ["woman", "man"]}
   * @return {@code g}, {@code [D]} (not normalised)
   * @throws IllegalArgumentException if there are no pairs, a pair is not two words, or a word
   *     is unknown
   */
  public static float[] averageDifference(WordVectors vectors, List<String[]> pairs) {
    double[] sum = new double[vectors.dimension()];
    for (String[] pair : check(vectors, pairs)) {
      float[] a = vectors.vector(pair[0]);
      float[] b = vectors.vector(pair[1]);
      for (int j = 0; j < sum.length; j++) {
        sum[j] += a[j] - b[j];
      }
    }
    float[] g = new float[sum.length];
    for (int j = 0; j < g.length; j++) {
      g[j] = (float) (sum[j] / pairs.size());
    }
    return g;
  }

  /**
   * The first principal component of the centred pairs (Bolukbasi et al.): for each pair with
   * mean {@code μ}, the rows {@code e_first − μ} and {@code e_second − μ}; the unit eigenvector of
   * their scatter matrix with the largest eigenvalue, found by power iteration. Its sign is
   * chosen to agree with {@link #averageDifference} (first minus second).
   *
   * @return the unit direction {@code g}, {@code [D]}
   */
  public static float[] principalComponent(WordVectors vectors, List<String[]> pairs) {
    int d = vectors.dimension();
    double[][] rows = new double[2 * check(vectors, pairs).size()][];
    int r = 0;
    for (String[] pair : pairs) {
      float[] a = vectors.vector(pair[0]);
      float[] b = vectors.vector(pair[1]);
      double[] ra = new double[d];
      double[] rb = new double[d];
      for (int j = 0; j < d; j++) {
        double mu = (a[j] + (double) b[j]) / 2;
        ra[j] = a[j] - mu;
        rb[j] = b[j] - mu;
      }
      rows[r++] = ra;
      rows[r++] = rb;
    }
    double[][] scatter = new double[d][d];
    for (double[] row : rows) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          scatter[i][j] += row[i] * row[j];
        }
      }
    }
    float[] mean = averageDifference(vectors, pairs);
    double[] v = new double[d];
    for (int j = 0; j < d; j++) {
      v[j] = mean[j] + 1e-3 / Math.sqrt(d);
    }
    normalise(v);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] next = new double[d];
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += scatter[i][j] * v[j];
        }
        next[i] = s;
      }
      if (normalise(next) == 0) {
        break;
      }
      double change = 0;
      for (int j = 0; j < d; j++) {
        change = Math.max(change, Math.abs(next[j] - v[j]));
      }
      v = next;
      if (change < 1e-12) {
        break;
      }
    }
    double sign = 0;
    for (int j = 0; j < d; j++) {
      sign += v[j] * mean[j];
    }
    float[] g = new float[d];
    for (int j = 0; j < d; j++) {
      g[j] = (float) (sign < 0 ? -v[j] : v[j]);
    }
    return g;
  }

  private static double normalise(double[] v) {
    double sq = 0;
    for (double x : v) {
      sq += x * x;
    }
    double norm = Math.sqrt(sq);
    if (norm > 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] /= norm;
      }
    }
    return norm;
  }

  private static List<String[]> check(WordVectors vectors, List<String[]> pairs) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("expected at least one definitional pair, got none");
    }
    for (String[] pair : pairs) {
      if (pair.length != 2) {
        throw new IllegalArgumentException("expected pairs of 2 words, got " + pair.length
            + ": " + String.join(", ", pair));
      }
      for (String w : pair) {
        if (!vectors.contains(w)) {
          throw new IllegalArgumentException("word '" + w + "' not in vocabulary");
        }
      }
    }
    return pairs;
  }
}
