package org.seqlearn.attention.bleu;

import java.util.Arrays;
import java.util.List;

/**
 * BLEU on token lists, equal to NLTK's {@code corpus_bleu} and {@code sentence_bleu}
 * ({@code nltk.translate.bleu_score}, 3.8): BLEU = BP · exp(Σₙ wₙ log pₙ) with the modified
 * (clipped) n-gram precisions pₙ summed over the corpus (micro-average), the brevity penalty from
 * the total hypothesis length and the total of each segment's closest reference length, weights
 * wₙ (uniform ¼ by default; any number of orders) and one of NLTK's {@link SmoothingFunction}s.
 *
 * <p>NLTK's rules are kept, including its quirks: each segment's n-gram denominator is
 * max(1, hypothesis n-grams), so a hypothesis shorter than n still adds 1; the score is 0 when no
 * unigram matches; orders whose smoothed precision is 0 are left out of the sum; with several
 * weight vectors the precisions are smoothed once over the longest one; {@code autoReweigh}
 * replaces the weights (¼, ¼, ¼, ¼) by 1/c each for c &lt; 4 total hypothesis tokens. Where NLTK
 * fails (no references for a segment, method 6 without a 3-gram match) this throws an
 * {@link IllegalArgumentException}. Results agree with NLTK's to about 1e-15 relative (NLTK sums
 * with {@code math.fsum} and keeps some precisions as exact fractions; this uses doubles).
 *
 * <p>Instances are immutable; {@link #accumulator()} gives a streaming, single-thread corpus
 * scorer holding only the sufficient statistics.
 */
public final class NltkBleu {
  private static final double[] UNIFORM4 = {0.25, 0.25, 0.25, 0.25};

  private final double[][] weights;
  private final int maxOrder;
  private final SmoothingFunction smoothing;
  private final boolean autoReweigh;

  /**
   * @param weights one or more weight vectors w₁ … w_N (N ≥ 1 each); every score uses its own
   * @param smoothing the smoothing method ({@code SmoothingFunction.method(0)} is NLTK's default)
   * @param autoReweigh NLTK's {@code auto_reweigh}
   */
  public NltkBleu(double[][] weights, SmoothingFunction smoothing, boolean autoReweigh) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("expected at least one weight vector, got none");
    }
    int max = 0;
    this.weights = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      if (weights[i].length == 0) {
        throw new IllegalArgumentException("weight vector " + i + " is empty");
      }
      this.weights[i] = weights[i].clone();
      max = Math.max(max, weights[i].length);
    }
    this.maxOrder = max;
    this.smoothing = smoothing;
    this.autoReweigh = autoReweigh;
  }

  /** BLEU-4 with uniform weights and {@code smoothing}, no re-weighing. */
  public NltkBleu(SmoothingFunction smoothing) {
    this(new double[][] {UNIFORM4}, smoothing, false);
  }

  /** NLTK's defaults: BLEU-4, uniform weights, no smoothing (method 0). */
  public static NltkBleu standard() {
    return new NltkBleu(SmoothingFunction.method(0));
  }

  /**
   * Corpus BLEU in [0, 1] for the first weight vector.
   *
   * @param references per segment, its reference token lists (at least one each)
   * @param hypotheses per segment, the hypothesis tokens
   */
  public double corpusScore(List<? extends List<? extends List<String>>> references,
      List<? extends List<String>> hypotheses) {
    return corpus(references, hypotheses).scores()[0];
  }

  /** Corpus BLEU for every weight vector, in order, with the statistics behind them. */
  public Result corpus(List<? extends List<? extends List<String>>> references,
      List<? extends List<String>> hypotheses) {
    if (references.size() != hypotheses.size()) {
      throw new IllegalArgumentException("expected as many reference sets as hypotheses, got "
          + references.size() + " reference sets and " + hypotheses.size() + " hypotheses");
    }
    Accumulator acc = accumulator();
    for (int i = 0; i < hypotheses.size(); i++) {
      acc.add(references.get(i), hypotheses.get(i));
    }
    return acc.result();
  }

  /** Sentence BLEU (NLTK's {@code sentence_bleu}: corpus BLEU of one segment). */
  public double sentenceScore(List<? extends List<String>> references, List<String> hypothesis) {
    Accumulator acc = accumulator();
    acc.add(references, hypothesis);
    return acc.result().scores()[0];
  }

  /** A streaming corpus scorer (not thread-safe). */
  public Accumulator accumulator() {
    return new Accumulator();
  }

  /**
   * The outcome of a corpus: one score per weight vector, the smoothed precisions p₁ … p_N (all
   * 0 when no unigram matched: NLTK stops before smoothing), BP, and the totals behind them.
   */
  public record Result(double[] scores, double[] precisions, double brevityPenalty,
      long[] numerators, long[] denominators, long hypothesisLength, long referenceLength) {

    /** c / r, or 0 when r = 0. */
    public double ratio() {
      return referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
    }

    /**
     * A line shaped like sacreBLEU's, on NLTK's 0–1 scale: {@code BLEU|<label> = 0.5920
     * 0.9643/0.8046/0.7107/0.6212 (BP = 1.000 ratio = 1.000 hyp_len = 29 ref_len = 29)} (the
     * first score, precisions with 4 decimals).
     *
     * @param width decimals of the score
     */
    public String format(int width, String label) {
      StringBuilder sb = new StringBuilder("BLEU");
      if (!label.isEmpty()) {
        sb.append('|').append(label);
      }
      sb.append(" = ").append(BleuScore.fixed(scores[0], width)).append(' ');
      for (int i = 0; i < precisions.length; i++) {
        sb.append(i == 0 ? "" : "/").append(BleuScore.fixed(precisions[i], 4));
      }
      return sb.append(" (BP = ").append(BleuScore.fixed(brevityPenalty, 3))
          .append(" ratio = ").append(BleuScore.fixed(ratio(), 3))
          .append(" hyp_len = ").append(hypothesisLength)
          .append(" ref_len = ").append(referenceLength).append(')').toString();
    }
  }

  /** Adds segments one at a time; {@link #result()} scores what was added so far. */
  public final class Accumulator {
    private final NgramMatcher matcher = new NgramMatcher();
    private final boolean needsFiveGrams = smoothing.method() == 5 || smoothing.method() == 7;
    private final int[] matches = new int[needsFiveGrams ? Math.max(maxOrder, 5) : maxOrder];
    private final int[] totals = new int[matches.length];
    private final long[] numerators = new long[maxOrder];
    private final long[] denominators = new long[maxOrder];
    private long hypothesisLength;
    private long referenceLength;
    private SmoothingFunction.LastSegment last = new SmoothingFunction.LastSegment(0, 0);

    private Accumulator() {}

    /**
     * Adds one segment.
     *
     * @param references its reference token lists (at least one)
     * @param hypothesis its hypothesis tokens
     */
    public void add(List<? extends List<String>> references, List<String> hypothesis) {
      if (references.isEmpty()) {
        throw new IllegalArgumentException(
            "expected at least one reference for a hypothesis, got none");
      }
      matcher.count(hypothesis, references, matches, totals);
      for (int i = 0; i < maxOrder; i++) {
        numerators[i] += matches[i];
        denominators[i] += Math.max(1, totals[i]);
      }
      int c = hypothesis.size();
      hypothesisLength += c;
      referenceLength += BrevityPenalty.closestReferenceLength(c, references);
      double five = needsFiveGrams ? (double) matches[4] / Math.max(1, totals[4]) : 0;
      last = new SmoothingFunction.LastSegment(c, five);
    }

    /** The scores of the segments added so far (all 0 for none). */
    public Result result() {
      double bp = BrevityPenalty.of(hypothesisLength, referenceLength);
      double[] scores = new double[weights.length];
      if (numerators[0] == 0) {
        return new Result(scores, new double[maxOrder], bp, numerators.clone(),
            denominators.clone(), hypothesisLength, referenceLength);
      }
      double[] p = smoothing.apply(numerators, denominators, hypothesisLength, last);
      for (int s = 0; s < weights.length; s++) {
        double[] w = weights[s];
        if (autoReweigh && hypothesisLength < 4 && Arrays.equals(w, UNIFORM4)) {
          w = new double[(int) hypothesisLength];
          Arrays.fill(w, 1.0 / hypothesisLength);
        }
        double sum = 0;
        for (int i = 0; i < Math.min(w.length, p.length); i++) {
          if (p[i] > 0) {
            sum += w[i] * Math.log(p[i]);
          }
        }
        scores[s] = bp * Math.exp(sum);
      }
      return new Result(scores, p, bp, numerators.clone(), denominators.clone(),
          hypothesisLength, referenceLength);
    }
  }
}
