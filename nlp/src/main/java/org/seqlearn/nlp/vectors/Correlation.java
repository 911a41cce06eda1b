package org.seqlearn.nlp.vectors;

import java.util.Arrays;

/** Pearson and Spearman correlation coefficients, computed as SciPy's {@code stats} does. */
public final class Correlation {

  private Correlation() {}

  /**
   * Pearson's r of two samples ({@code scipy.stats.pearsonr(x, y)[0]}): centred, normalised and
   * dotted in double precision, clipped to [-1, 1]. NaN when either sample is constant.
   *
   * @throws IllegalArgumentException if the lengths differ or are below 2
   */
  public static double pearson(double[] x, double[] y) {
    check(x, y);
    int n = x.length;
    double mx = mean(x);
    double my = mean(y);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (sxx == 0 || syy == 0) {
      return Double.NaN;
    }
    double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
    return Math.max(-1.0, Math.min(1.0, r));
  }

  /**
   * Spearman's rho ({@code scipy.stats.spearmanr(x, y)[0]}): Pearson's r of the ranks, tied
   * values getting the average of the ranks they span ({@code scipy.stats.rankdata(method=
   * "average")}).
   */
  public static double spearman(double[] x, double[] y) {
    check(x, y);
    return pearson(rank(x), rank(y));
  }

  /**
   * 1-based ranks with ties averaged, as {@code scipy.stats.rankdata(values)}: {@code [3, 1, 3]}
   * ranks as {@code [2.5, 1, 2.5]}.
   */
  public static double[] rank(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    double[] ranks = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1.0;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = average;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  private static void check(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("expected two samples of the same length >= 2, got "
          + x.length + " and " + y.length);
    }
  }
}
