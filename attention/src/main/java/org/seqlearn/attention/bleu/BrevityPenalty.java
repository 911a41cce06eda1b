package org.seqlearn.attention.bleu;

import java.util.List;

/**
 * BLEU's brevity penalty BP = 1 if c &gt; r, else exp(1 − r/c) (0 when c = 0), where c is the
 * hypothesis length and r the reference length; and the "closest reference length" rule both
 * NLTK and sacreBLEU use to pick r for one segment among several references.
 */
public final class BrevityPenalty {
  private BrevityPenalty() {}

  /**
   * The reference length closest to {@code hypothesisLength}; on a tie the shorter one (NLTK's
   * {@code closest_ref_length}: the minimum of (|r − c|, r); sacreBLEU's
   * {@code _get_closest_ref_len} gives the same).
   *
   * @throws IllegalArgumentException if there is no reference length
   */
  public static int closestReferenceLength(int hypothesisLength, int[] referenceLengths) {
    if (referenceLengths.length == 0) {
      throw new IllegalArgumentException("expected at least one reference, got none");
    }
    int best = referenceLengths[0];
    for (int i = 1; i < referenceLengths.length; i++) {
      int r = referenceLengths[i];
      int d = Math.abs(r - hypothesisLength);
      int bd = Math.abs(best - hypothesisLength);
      if (d < bd || (d == bd && r < best)) {
        best = r;
      }
    }
    return best;
  }

  /** {@link #closestReferenceLength(int, int[])} for token lists. */
  static int closestReferenceLength(int hypothesisLength, List<? extends List<?>> references) {
    int[] lengths = new int[references.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = references.get(i).size();
    }
    return closestReferenceLength(hypothesisLength, lengths);
  }

  /**
   * BP for total hypothesis length {@code c} and total (closest) reference length {@code r}:
   * 1 if c &gt; r; 0 if c = 0; otherwise exp(1 − r/c) (so exactly 1 when c = r).
   */
  public static double of(long hypothesisLength, long referenceLength) {
    if (hypothesisLength > referenceLength) {
      return 1.0;
    }
    if (hypothesisLength == 0) {
      return 0.0;
    }
    return Math.exp(1.0 - (double) referenceLength / (double) hypothesisLength);
  }
}
