package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class BestCandidatesTest {

  /** The bounded heap keeps what a full sort (score descending, ties by index) puts first. */
  @Test
  void keepsTheKBestInSortedOrderWithTiesByIndex() {
    Rng rng = new Rng(12);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(80);
      int k = 1 + rng.nextInt(8);
      double[] scores = new double[n];
      BestCandidates best = new BestCandidates(k);
      for (int i = 0; i < n; i++) {
        scores[i] = rng.nextInt(5) == 0 ? Double.NEGATIVE_INFINITY : rng.nextInt(9) - 4;
        best.offer(scores[i], i);
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i])
          .thenComparingInt(i -> i));
      int finite = (int) Arrays.stream(scores).filter(x -> x > Double.NEGATIVE_INFINITY).count();
      int[] out = new int[k];
      int kept = best.drainBestFirst(out);
      assertThat(kept).isEqualTo(Math.min(k, finite));
      for (int r = 0; r < kept; r++) {
        assertThat(out[r]).as("trial %d rank %d", trial, r).isEqualTo(order[r]);
      }
    }
  }
}
