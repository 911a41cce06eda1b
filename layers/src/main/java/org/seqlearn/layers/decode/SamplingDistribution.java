package org.seqlearn.layers.decode;

import java.util.Arrays;

/**
 * Turns one row of scores into the distribution a token is drawn from (temperature, top-k, top-p,
 * excluded ids) and draws from it. All arithmetic is in double precision.
 *
 * <p>The scores may be log-probabilities or unnormalised logits: only their differences within
 * the row matter. Top-k and top-p take the most probable tokens from a heap built in O(V), one
 * token at a time, never sorting the whole vocabulary. One instance serves one thread and reuses
 * its buffers {@code [V]}; {@link #probabilities} returns one of them.
 */
public final class SamplingDistribution {

  /**
   * Slack for the top-p comparison: a prefix whose cumulative probability is within this of p
   * counts as reaching p, so that rounding never adds an extra token.
   */
  static final double TOP_P_SLACK = 1e-9;

  private final int vocabularySize;
  private final double temperature;
  private final int topK;
  private final double topP;
  private final boolean[] allowed;
  private final double[] p;
  private final int[] order;
  private final double[] kept;
  private final DescendingSelection selection = new DescendingSelection();

  /**
   * @param vocabularySize V, the length of a row of scores
   * @param temperature ≥ 0; 0 gives all the mass to the best allowed token
   * @param topK 0 (off) or the number of most probable tokens kept
   * @param topP in (0, 1]; 1 is off
   * @param excluded ids never drawn (ids outside {@code [0, V)} are ignored)
   */
  public SamplingDistribution(int vocabularySize, double temperature, int topK, double topP,
      int... excluded) {
    if (vocabularySize < 1) {
      throw new IllegalArgumentException("vocabulary size must be >= 1, got " + vocabularySize);
    }
    // the same checks as SamplingOptions, with the same messages
    new SamplingOptions(temperature, topK, topP, 0, LengthLimit.fixed(0), 0, -1, null);
    this.vocabularySize = vocabularySize;
    this.temperature = temperature;
    this.topK = topK;
    this.topP = topP;
    allowed = new boolean[vocabularySize];
    Arrays.fill(allowed, true);
    for (int id : excluded) {
      if (id >= 0 && id < vocabularySize) {
        allowed[id] = false;
      }
    }
    p = new double[vocabularySize];
    order = new int[vocabularySize];
    kept = new double[vocabularySize];
  }

  /** The distribution of {@code options} (its temperature, filters and excluded ids). */
  public static SamplingDistribution of(SamplingOptions options, int vocabularySize) {
    return new SamplingDistribution(vocabularySize, options.temperature(), options.topK(),
        options.topP(), options.excluded());
  }

  /**
   * The sampling distribution of one row of scores.
   *
   * @param scores holds the row at {@code [offset, offset + V)}
   * @param banned one more id not to draw at this step (e.g. the end token before the minimum
   *     length), or -1
   * @return probabilities {@code [V]} adding up to 1, zero outside the kept tokens; this object's
   *     buffer, overwritten by the next call
   * @throws IllegalArgumentException if every id is excluded or a score is NaN
   */
  public double[] probabilities(float[] scores, int offset, int banned) {
    int v = vocabularySize;
    int best = -1;
    for (int i = 0; i < v; i++) {
      float z = scores[offset + i];
      if (Float.isNaN(z)) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      if (allowed[i] && i != banned && (best < 0 || z > scores[offset + best])) {
        best = i;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("all " + v + " ids are excluded from sampling");
    }
    Arrays.fill(p, 0);
    if (temperature == 0) {
      p[best] = 1;
      return p;
    }
    double top = scores[offset + best];
    double total = 0;
    for (int i = 0; i < v; i++) {
      if (allowed[i] && i != banned) {
        p[i] = Math.exp(((double) scores[offset + i] - top) / temperature);
        total += p[i];
      }
    }
    normalise(total);
    if (topK == 0 && topP == 1) {
      return p;
    }
    filter();
    return p;
  }

  /** Keeps the top-k, then the top-p, of the normalised {@code p}, renormalised. */
  private void filter() {
    selection.reset(p, vocabularySize, 0);
    int keep = topK > 0 ? Math.min(topK, selection.remaining()) : selection.remaining();
    int taken = 0;
    double mass;
    if (topK > 0) {
      for (; taken < keep; taken++) {
        order[taken] = selection.next();
      }
      mass = 0;
      for (int r = 0; r < keep; r++) {
        mass += p[order[r]];
      }
    } else {
      mass = 0;
      for (double x : p) {
        mass += x;
      }
    }
    if (topP < 1) {
      double cumulative = 0;
      for (int r = 0; r < keep; r++) {
        if (r == taken) {
          order[taken++] = selection.next();
        }
        cumulative += p[order[r]] / mass;
        if (cumulative >= topP - TOP_P_SLACK) {
          keep = r + 1;
          break;
        }
      }
    }
    double total = 0;
    for (int r = 0; r < keep; r++) {
      kept[r] = p[order[r]];
      total += kept[r];
    }
    Arrays.fill(p, 0);
    for (int r = 0; r < keep; r++) {
      p[order[r]] = kept[r];
    }
    normalise(total);
  }

  private void normalise(double total) {
    for (int i = 0; i < p.length; i++) {
      p[i] /= total;
    }
  }

  /**
   * Draws an id from {@code probabilities} {@code [V]} (non-negative, adding up to about 1) by
   * inverting the cumulative distribution, in id order, at the uniform number {@code u} in
   * {@code [0, 1)}.
   */
  public static int draw(double[] probabilities, double u) {
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
}
