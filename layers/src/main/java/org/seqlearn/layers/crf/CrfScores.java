package org.seqlearn.layers.crf;

import org.seqlearn.core.Tensor;

/**
 * The CRF's transition scores in double, with forbidden transitions set to {@code -∞}: {@code
 * transition[i * K + j]} scores tag {@code i} followed by tag {@code j}, {@code start[j]} a path
 * that begins with {@code j}, {@code end[i]} one that ends with {@code i}.
 */
final class CrfScores {

  static final double NEG_INF = Double.NEGATIVE_INFINITY;

  final int tags;
  final double[] transition;
  final double[] start;
  final double[] end;

  private CrfScores(int tags, double[] transition, double[] start, double[] end) {
    this.tags = tags;
    this.transition = transition;
    this.start = start;
    this.end = end;
  }

  /** Reads the parameters, masking what {@code constraints} (may be null) forbids. */
  static CrfScores of(Tensor transitions, Tensor startTransitions, Tensor endTransitions,
      TransitionConstraints constraints) {
    int k = startTransitions.numel();
    double[] transition = toDouble(transitions.data());
    double[] start = toDouble(startTransitions.data());
    double[] end = toDouble(endTransitions.data());
    if (constraints != null) {
      for (int i = 0; i < k; i++) {
        if (!constraints.allowedStart(i)) {
          start[i] = NEG_INF;
        }
        if (!constraints.allowedEnd(i)) {
          end[i] = NEG_INF;
        }
        for (int j = 0; j < k; j++) {
          if (!constraints.allowed(i, j)) {
            transition[i * k + j] = NEG_INF;
          }
        }
      }
    }
    return new CrfScores(k, transition, start, end);
  }

  private static double[] toDouble(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /** {@code log Σ exp(values[from, from + n))}, {@code -∞} when all are {@code -∞}. */
  static double logSumExp(double[] values, int from, int n) {
    double max = NEG_INF;
    for (int i = from; i < from + n; i++) {
      max = Math.max(max, values[i]);
    }
    if (max == NEG_INF) {
      return NEG_INF;
    }
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      sum += Math.exp(values[i] - max);
    }
    return max + Math.log(sum);
  }
}
