package org.seqlearn.attention.bleu;

import java.util.Locale;

/**
 * NLTK's {@code SmoothingFunction}: the precision smoothing methods 0–7 of Chen and Cherry (2014),
 * "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU", exactly as
 * {@code nltk.translate.bleu_score} (3.8) implements them, quirks included:
 *
 * <ul>
 *   <li>0: none; a zero precision becomes {@link Double#MIN_NORMAL} ({@code sys.float_info.min}),
 *       so the score is tiny (≈ 1e-77 for one zero order of four) rather than exactly 0;
 *   <li>1: (0 + ε)/total for a zero count;
 *   <li>2: (m + 1)/(total + 1) for orders ≥ 2 (Lin and Och 2004);
 *   <li>3: 1/(2^k · total) for the k-th zero count (NIST geometric smoothing);
 *   <li>4: 1/(2^k · K / ln c)/total for the k-th zero count, c the total hypothesis length
 *       (nothing when c ≤ 1, leaving the order at 0 so that it drops out of the score);
 *   <li>5: pₙ ← (pₙ₋₁' + pₙ + pₙ₊₁)/3 with p₀' = p₁ + 1, where the value after the last order is
 *       always the 5-gram precision of the <em>last</em> segment;
 *   <li>6: pₙ ← (mₙ + α·π₀)/(lₙ + α) for n ≥ 3 with π₀ = pₙ₋₁²/pₙ₋₂, lₙ the n-gram count of the
 *       <em>last</em> hypothesis (Gao and He 2013); NLTK requires a non-zero 3-gram precision
 *       (its assertion; here an {@link IllegalArgumentException});
 *   <li>7: method 4, then method 5.
 * </ul>
 *
 * In corpus BLEU NLTK passes the last segment's references and hypothesis to the smoothing
 * function, so methods 5–7 depend on the last segment; that is reproduced, not corrected.
 */
public final class SmoothingFunction {

  private final int method;
  private final double epsilon;
  private final double alpha;
  private final double k;

  /**
   * @param method 0–7
   * @param epsilon method 1's ε (NLTK default 0.1)
   * @param alpha method 6's α (default 5)
   * @param k method 4's K (default 5)
   */
  public SmoothingFunction(int method, double epsilon, double alpha, double k) {
    if (method < 0 || method > 7) {
      throw new IllegalArgumentException("smoothing method must be 0-7, got " + method);
    }
    this.method = method;
    this.epsilon = epsilon;
    this.alpha = alpha;
    this.k = k;
  }

  /** Method {@code method} with NLTK's default parameters ε = 0.1, α = 5, K = 5. */
  public static SmoothingFunction method(int method) {
    return new SmoothingFunction(method, 0.1, 5, 5);
  }

  /** The method number, 0–7. */
  public int method() {
    return method;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "method%d(epsilon=%s, alpha=%s, k=%s)", method, epsilon,
        alpha, k);
  }

  /**
   * The smoothed precisions p₁ … p_N.
   *
   * @param numerators clipped match counts per order, summed over the corpus
   * @param denominators per order, Σ max(1, hypothesis n-grams) over the corpus (NLTK's rule)
   * @param hypothesisLength the total hypothesis length c
   * @param last the last segment's length and 5-gram precision (methods 4–7)
   */
  double[] apply(long[] numerators, long[] denominators, long hypothesisLength, LastSegment last) {
    int n = numerators.length;
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = (double) numerators[i] / (double) denominators[i];
    }
    long c = hypothesisLength != 0 ? hypothesisLength : last.length();
    switch (method) {
      case 0 -> {
        for (int i = 0; i < n; i++) {
          if (numerators[i] == 0) {
            p[i] = Double.MIN_NORMAL;
          }
        }
      }
      case 1 -> {
        for (int i = 0; i < n; i++) {
          if (numerators[i] == 0) {
            p[i] = (numerators[i] + epsilon) / denominators[i];
          }
        }
      }
      case 2 -> {
        for (int i = 1; i < n; i++) {
          p[i] = (double) (numerators[i] + 1) / (double) (denominators[i] + 1);
        }
      }
      case 3 -> {
        int incvnt = 1;
        for (int i = 0; i < n; i++) {
          if (numerators[i] == 0) {
            p[i] = 1.0 / (Math.pow(2, incvnt) * denominators[i]);
            incvnt++;
          }
        }
      }
      case 4 -> method4(p, numerators, denominators, c);
      case 5 -> method5(p, last);
      case 6 -> method6(p, numerators, last);
      case 7 -> {
        method4(p, numerators, denominators, c);
        method5(p, last);
      }
      default -> throw new AssertionError(method);
    }
    return p;
  }

  private void method4(double[] p, long[] numerators, long[] denominators, long c) {
    int incvnt = 1;
    for (int i = 0; i < p.length; i++) {
      if (numerators[i] == 0 && c > 1) {
        double numerator = 1.0 / (Math.pow(2, incvnt) * k / Math.log(c));
        p[i] = numerator / denominators[i];
        incvnt++;
      }
    }
  }

  private static void method5(double[] p, LastSegment last) {
    double[] original = p.clone();
    double previous = original[0] + 1;
    for (int i = 0; i < p.length; i++) {
      double next = i + 1 < p.length ? original[i + 1] : last.fiveGramPrecision();
      p[i] = (previous + original[i] + next) / 3;
      previous = p[i];
    }
  }

  private void method6(double[] p, long[] numerators, LastSegment last) {
    if (p.length < 3 || p[2] == 0) {
      throw new IllegalArgumentException("smoothing method 6 needs a non-zero 3-gram precision"
          + " (NLTK asserts it), got " + (p.length < 3 ? "only " + p.length + " orders"
              : "no matching 3-gram"));
    }
    for (int i = 2; i < p.length; i++) {
      double pi0 = p[i - 2] == 0 ? 0 : p[i - 1] * p[i - 1] / p[i - 2];
      long ngrams = Math.max(0, last.length() - i);
      p[i] = (numerators[i] + alpha * pi0) / (ngrams + alpha);
    }
  }

  /** What NLTK's smoothing sees of the last segment of a corpus. */
  record LastSegment(long length, double fiveGramPrecision) {}
}
