package org.seqlearn.attention.bleu;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A sacreBLEU-style score: BLEU on the 0–100 scale with what it was computed from.
 *
 * @param score BLEU, 0–100
 * @param counts clipped n-gram matches per order (before any add-k smoothing)
 * @param totals hypothesis n-grams per order (before any add-k smoothing)
 * @param precisions the (smoothed) n-gram precisions, 0–100, one per order
 * @param brevityPenalty BP
 * @param hypothesisLength total hypothesis tokens (sacreBLEU's {@code sys_len})
 * @param referenceLength total closest-reference tokens ({@code ref_len})
 */
public record BleuScore(double score, long[] counts, long[] totals, double[] precisions,
    double brevityPenalty, long hypothesisLength, long referenceLength) {

  /** hypothesis / reference length, 0 when the reference length is 0. */
  public double ratio() {
    return referenceLength == 0 ? 0 : (double) hypothesisLength / referenceLength;
  }

  /**
   * sacreBLEU's text line: {@code BLEU|<signature> = 48.5 82.4/50.0/45.5/37.5 (BP = 0.943
   * ratio = 0.944 hyp_len = 17 ref_len = 18)}; {@code BLEU = …} when the signature is empty.
   * Numbers are rounded like Python's format (half to even on the exact binary value).
   *
   * @param width decimals of the score
   */
  public String format(int width, String signature) {
    StringBuilder sb = new StringBuilder("BLEU");
    if (!signature.isEmpty()) {
      sb.append('|').append(signature);
    }
    sb.append(" = ").append(fixed(score, width)).append(' ');
    for (int i = 0; i < precisions.length; i++) {
      sb.append(i == 0 ? "" : "/").append(fixed(precisions[i], 1));
    }
    sb.append(" (BP = ").append(fixed(brevityPenalty, 3))
        .append(" ratio = ").append(fixed(ratio(), 3))
        .append(" hyp_len = ").append(hypothesisLength)
        .append(" ref_len = ").append(referenceLength).append(')');
    return sb.toString();
  }

  /** Python's {@code f"{x:.{decimals}f}"} for a finite x. */
  static String fixed(double x, int decimals) {
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
  }
}
