package org.seqlearn.nlp.debias;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * Neutralise and equalise (Bolukbasi et al. 2016), with the course's formulas; {@code g} is the
 * bias direction {@code [D]} and every vector is {@code [D]}. Arithmetic is in double precision.
 *
 * <ul>
 *   <li>neutralise: {@code e ← e − (e·g / ‖g‖²) g}: the component along {@code g} is removed;
 *   <li>equalise {@code (w1, w2)}: {@code μ = (e_w1 + e_w2)/2}, {@code μ_B = (μ·g/‖g‖²) g},
 *       {@code μ⊥ = μ − μ_B}, {@code e_wiB = (e_wi·g/‖g‖²) g}, {@code e_wiB′ = sqrt(|1 − ‖μ⊥‖²|)
 *       (e_wiB − μ_B) / ‖(e_wi − μ⊥) − μ_B‖}, {@code e_wi ← e_wiB′ + μ⊥}: the two words end with
 *       equal and opposite projections on {@code g} and equal distance to every neutralised word.
 * </ul>
 */
public final class Debias {

  private Debias() {}

  /** {@code e − (e·g / ‖g‖²) g}, a new {@code [D]} vector. */
  public static float[] neutralize(float[] e, float[] g) {
    check(e, g);
    double scale = dot(e, g) / squaredNorm(g);
    float[] result = new float[e.length];
    for (int j = 0; j < e.length; j++) {
      result[j] = (float) (e[j] - scale * g[j]);
    }
    return result;
  }

  /**
   * Equalises a pair with the course's formula.
   *
   * @return {@code [2][D]}: the new {@code e_w1} and {@code e_w2}
   */
  public static float[][] equalize(float[] e1, float[] e2, float[] g) {
    check(e1, g);
    check(e2, g);
    int d = g.length;
    double gg = squaredNorm(g);
    double[] mu = new double[d];
    for (int j = 0; j < d; j++) {
      mu[j] = (e1[j] + (double) e2[j]) / 2;
    }
    double muScale = dot(mu, g) / gg;
    double[] muB = new double[d];
    double[] muOrth = new double[d];
    double muOrthSq = 0;
    for (int j = 0; j < d; j++) {
      muB[j] = muScale * g[j];
      muOrth[j] = mu[j] - muB[j];
      muOrthSq += muOrth[j] * muOrth[j];
    }
    double length = Math.sqrt(Math.abs(1 - muOrthSq));
    float[][] result = new float[2][d];
    float[][] inputs = {e1, e2};
    for (int w = 0; w < 2; w++) {
      float[] e = inputs[w];
      double scale = dot(e, g) / gg;
      double denomSq = 0;
      for (int j = 0; j < d; j++) {
        double x = e[j] - muOrth[j] - muB[j];
        denomSq += x * x;
      }
      double denom = Math.sqrt(denomSq);
      for (int j = 0; j < d; j++) {
        double eB = scale * g[j];
        double corrected = denom == 0 ? 0 : length * (eB - muB[j]) / denom;
        result[w][j] = (float) (corrected + muOrth[j]);
      }
    }
    return result;
  }

  /**
   * A copy of {@code vectors} in which each of {@code words} is neutralised.
   *
   * @throws IllegalArgumentException if a word is unknown
   */
  public static WordVectors neutralize(WordVectors vectors, float[] g, Collection<String> words) {
    Map<String, float[]> replaced = new LinkedHashMap<>();
    for (String w : words) {
      replaced.put(w, neutralize(vectors.vector(w), g));
    }
    return vectors.withVectors(replaced);
  }

  /**
   * A copy of {@code vectors} in which each pair {@code [w1, w2]} is equalised.
   *
   * @throws IllegalArgumentException if a pair is not two known words
   */
  public static WordVectors equalize(WordVectors vectors, float[] g, List<String[]> pairs) {
    Map<String, float[]> replaced = new LinkedHashMap<>();
    for (String[] pair : pairs) {
      if (pair.length != 2) {
        throw new IllegalArgumentException("expected pairs of 2 words, got " + pair.length);
      }
      float[][] eq = equalize(vectors.vector(pair[0]), vectors.vector(pair[1]), g);
      replaced.put(pair[0], eq[0]);
      replaced.put(pair[1], eq[1]);
    }
    return vectors.withVectors(replaced);
  }

  /** The projection coefficient {@code e·g / ‖g‖}: the signed length of {@code e} along g. */
  public static double projection(float[] e, float[] g) {
    check(e, g);
    return dot(e, g) / Math.sqrt(squaredNorm(g));
  }

  private static void check(float[] e, float[] g) {
    if (e.length != g.length) {
      throw new IllegalArgumentException("expected a vector of the bias direction's length "
          + g.length + ", got " + e.length);
    }
    if (squaredNorm(g) == 0) {
      throw new IllegalArgumentException("expected a non-zero bias direction, got all zeros");
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }

  private static double dot(double[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static double squaredNorm(float[] g) {
    return dot(g, g);
  }
}
