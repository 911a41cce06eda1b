package org.seqlearn.nlp.tagging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Formats {@link EntityScores} exactly as conlleval prints them:
 *
 * <pre>
 * processed 51578 tokens with 5942 phrases; found: 5919 phrases; correct: 5337.
 * accuracy:  97.66%; precision:  90.17%; recall:  89.82%; FB1:  89.99
 *               LOC: precision:  91.65%; recall:  93.21%; FB1:  92.42  1868
 * </pre>
 *
 * <p>The last number of a type's line is how many chunks of that type were predicted. Numbers are
 * rounded as C's {@code printf("%6.2f")} rounds (the exact binary value, ties to even).
 */
public final class ConllevalReport {

  private ConllevalReport() {}

  /** The report, lines ending in {@code "\n"}. */
  public static String format(EntityScores scores) {
    ChunkCounts all = scores.overall();
    StringBuilder out = new StringBuilder();
    out.append("processed ").append(scores.tokens()).append(" tokens with ").append(all.gold())
        .append(" phrases; found: ").append(all.predicted()).append(" phrases; correct: ")
        .append(all.correct()).append(".\n");
    if (scores.tokens() > 0) {
      out.append("accuracy: ").append(fixed(scores.accuracy())).append("%; ")
          .append(measures(all)).append('\n');
    }
    for (Map.Entry<String, ChunkCounts> e : scores.byType().entrySet()) {
      String type = e.getKey();
      int width = type.codePointCount(0, type.length());
      out.append(" ".repeat(Math.max(0, 17 - width))).append(type).append(": ")
          .append(measures(e.getValue())).append("  ").append(e.getValue().predicted())
          .append('\n');
    }
    return out.toString();
  }

  private static String measures(ChunkCounts c) {
    return "precision: " + fixed(c.precision()) + "%; recall: " + fixed(c.recall()) + "%; FB1: "
        + fixed(c.f1());
  }

  /** {@code printf("%6.2f", value)}. */
  static String fixed(double value) {
    String s = new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    return " ".repeat(Math.max(0, 6 - s.length())) + s;
  }
}
