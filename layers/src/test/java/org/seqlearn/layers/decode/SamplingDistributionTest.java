package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class SamplingDistributionTest {

  /** A full sort, ties by id: what the heap selection must agree with. */
  private static Integer[] sortedOrder(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < p.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -p[i])
        .thenComparingInt(i -> i));
    return order;
  }

  @Test
  void heapSelectionTakesEntriesInSortedOrderWithTiesByIndex() {
    Rng rng = new Rng(3);
    DescendingSelection selection = new DescendingSelection();
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(60);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = rng.nextInt(7) - 3; // many ties
      }
      selection.reset(values, n, -2.5);
      Integer[] expected = sortedOrder(values);
      for (Integer e : expected) {
        if (values[e] > -2.5) {
          assertThat(selection.next()).isEqualTo(e);
        }
      }
      assertThat(selection.next()).isEqualTo(-1);
    }
  }

  /**
   * Top-k and top-p by heap selection give the same distribution as the sort-based definition
   * (temperature, then the k most probable, then the smallest prefix reaching p, renormalised).
   */
  @Test
  void filtersMatchTheSortBasedDefinition() {
    Rng rng = new Rng(8);
    for (int trial = 0; trial < 300; trial++) {
      int v = 2 + rng.nextInt(40);
      float[] z = new float[v];
      for (int i = 0; i < v; i++) {
        z[i] = (float) (2 * rng.nextGaussian());
      }
      if (trial % 3 == 0) {
        z[v - 1] = z[0]; // a tie
      }
      double temperature = 0.3 + rng.nextDouble() * 2;
      int topK = rng.nextInt(v + 2);
      double topP = trial % 4 == 0 ? 1 : 0.05 + 0.95 * rng.nextDouble();
      double[] p = new SamplingDistribution(v, temperature, topK, topP)
          .probabilities(z, 0, -1).clone();
      double[] full = new double[v];
      double total = 0;
      double max = Double.NEGATIVE_INFINITY;
      for (float x : z) {
        max = Math.max(max, x);
      }
      for (int i = 0; i < v; i++) {
        full[i] = Math.exp((z[i] - max) / temperature);
        total += full[i];
      }
      for (int i = 0; i < v; i++) {
        full[i] /= total;
      }
      Integer[] order = sortedOrder(full);
      int keep = topK > 0 ? Math.min(topK, v) : v;
      double mass = 0;
      for (int r = 0; r < keep; r++) {
        mass += full[order[r]];
      }
      double cumulative = 0;
      for (int r = 0; r < keep && topP < 1; r++) {
        cumulative += full[order[r]] / mass;
        if (cumulative >= topP - SamplingDistribution.TOP_P_SLACK) {
          keep = r + 1;
          break;
        }
      }
      double kept = 0;
      for (int r = 0; r < keep; r++) {
        kept += full[order[r]];
      }
      for (int r = 0; r < v; r++) {
        double expected = r < keep ? full[order[r]] / kept : 0;
        assertThat(p[order[r]]).as("trial %d rank %d", trial, r)
            .isCloseTo(expected, within(1e-12));
      }
    }
  }

  @Test
  void temperatureZeroAndBannedIdsGiveTheBestAllowed() {
    float[] z = {1.5f, -0.5f, 3.0f, 0.25f, 2.0f, -2.0f};
    SamplingDistribution greedy = new SamplingDistribution(6, 0, 0, 1, 4);
    assertThat(greedy.probabilities(z, 0, -1)).containsExactly(0, 0, 1, 0, 0, 0);
    assertThat(greedy.probabilities(z, 0, 2)).containsExactly(1, 0, 0, 0, 0, 0);
    assertThat(SamplingDistribution.draw(new double[] {0, 0.25, 0, 0.75}, 0.3)).isEqualTo(3);
    assertThat(SamplingDistribution.draw(new double[] {0, 0.25, 0, 0.75}, 0.2)).isEqualTo(1);
  }
}
