package org.seqlearn.nlp.lm;

import java.util.Arrays;
import org.seqlearn.core.random.Rng;

/**
 * Turns one step's logits into the distribution a token is drawn from (temperature, top-k,
 * top-p, excluded ids) and draws it. All arithmetic is in double precision.
 */
public final class NextTokenDistribution {

  /**
   * Slack for the top-p comparison: a prefix whose cumulative probability is within this of p
   * counts as reaching p, so that rounding never adds an extra token.
   */
  static final double TOP_P_SLACK = 1e-9;

  private NextTokenDistribution() {}

  /**
   * The sampling distribution for {@code logits} {@code [V]}.
   *
   * @param excluded ids that must never be drawn (e.g. padding); may be empty
   * @return probabilities {@code [V]} that add up to 1, zero outside the kept tokens
   * @throws IllegalArgumentException if every id is excluded or a logit is NaN
   */
  public static double[] probabilities(float[] logits, SamplingOptions options, int... excluded) {
    int v = logits.length;
    boolean[] allowed = new boolean[v];
    Arrays.fill(allowed, true);
    for (int id : excluded) {
      if (id >= 0 && id < v) {
        allowed[id] = false;
      }
    }
    int best = -1;
    for (int i = 0; i < v; i++) {
      if (Float.isNaN(logits[i])) {
        throw new IllegalArgumentException("logit " + i + " is NaN");
      }
      if (allowed[i] && (best < 0 || logits[i] > logits[best])) {
        best = i;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("all " + v + " ids are excluded from sampling");
    }
    double[] p = new double[v];
    if (options.temperature() == 0) {
      p[best] = 1;
      return p;
    }
    double total = 0;
    for (int i = 0; i < v; i++) {
      if (allowed[i]) {
        p[i] = Math.exp(((double) logits[i] - logits[best]) / options.temperature());
        total += p[i];
      }
    }
    normalise(p, total);
    Integer[] order = byDescendingProbability(p);
    int keep = v;
    if (options.topK() > 0) {
      keep = Math.min(keep, options.topK());
    }
    if (options.topP() < 1) {
      double kept = 0;
      for (int r = 0; r < keep; r++) {
        kept += p[order[r]];
      }
      double cumulative = 0;
      for (int r = 0; r < keep; r++) {
        cumulative += p[order[r]] / kept;
        if (cumulative >= options.topP() - TOP_P_SLACK) {
          keep = r + 1;
          break;
        }
      }
    }
    total = 0;
    for (int r = 0; r < v; r++) {
      if (r < keep) {
        total += p[order[r]];
      } else {
        p[order[r]] = 0;
      }
    }
    normalise(p, total);
    return p;
  }

  /**
   * Draws an id from {@code probabilities} {@code [V]} (non-negative, adding up to about 1) by
   * inverting the cumulative distribution at one uniform number from {@code rng}.
   */
  public static int sample(double[] probabilities, Rng rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    int last = -1;
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i] > 0) {
        cumulative += probabilities[i];
        last = i;
        if (u < cumulative) {
          return i;
        }
      }
    }
    if (last < 0) {
      throw new IllegalArgumentException("no id has a positive probability");
    }
    return last;
  }

  /** Ids sorted by descending probability, ties by ascending id. */
  private static Integer[] byDescendingProbability(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
    return order;
  }

  private static void normalise(double[] p, double total) {
    for (int i = 0; i < p.length; i++) {
      p[i] /= total;
    }
  }
}
