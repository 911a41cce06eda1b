package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class NextTokenDistributionTest {

  private static final float[] LOGITS = {1.5f, -0.5f, 3.0f, 0.25f, 2.0f, -2.0f};

  private static double[] softmax(float[] z) {
    double[] p = new double[z.length];
    double total = 0;
    for (int i = 0; i < z.length; i++) {
      p[i] = Math.exp(z[i]);
      total += p[i];
    }
    for (int i = 0; i < z.length; i++) {
      p[i] /= total;
    }
    return p;
  }

  @Test
  void plainSamplingIsTheSoftmax() {
    double[] p = NextTokenDistribution.probabilities(LOGITS, SamplingOptions.defaults());
    double[] expected = softmax(LOGITS);
    for (int i = 0; i < p.length; i++) {
      assertThat(p[i]).isCloseTo(expected[i], within(1e-12));
    }
  }

  /** Draw counts on a fixed probability vector fit it (Pearson's chi-square, generous bound). */
  @Test
  void drawsFollowTheDistribution() {
    double[] p = {0.5, 0.25, 0.125, 0.0625, 0.0625, 0};
    int n = 40_000;
    int[] counts = new int[p.length];
    Rng rng = new Rng(11);
    for (int i = 0; i < n; i++) {
      counts[NextTokenDistribution.sample(p, rng)]++;
    }
    assertThat(counts[5]).isZero();
    double chi2 = 0;
    for (int i = 0; i < 5; i++) {
      double e = n * p[i];
      chi2 += (counts[i] - e) * (counts[i] - e) / e;
    }
    // 4 degrees of freedom: P(chi2 > 23.5) is about 1e-4
    assertThat(chi2).isLessThan(23.5);
  }

  @Test
  void topKOneIsGreedyArgmax() {
    Rng rng = new Rng(1);
    for (int i = 0; i < 100; i++) {
      double[] p = NextTokenDistribution.probabilities(LOGITS,
          SamplingOptions.defaults().withTopK(1).withTemperature(1.7));
      assertThat(NextTokenDistribution.sample(p, rng)).isEqualTo(2);
    }
    assertThat(NextTokenDistribution.probabilities(LOGITS, SamplingOptions.greedy()))
        .containsExactly(0, 0, 1, 0, 0, 0);
  }

  @Test
  void topKKeepsTheKMostProbableRenormalised() {
    double[] p = NextTokenDistribution.probabilities(LOGITS,
        SamplingOptions.defaults().withTopK(3));
    double[] full = softmax(LOGITS);
    double kept = full[2] + full[4] + full[0];
    assertThat(p[2]).isCloseTo(full[2] / kept, within(1e-12));
    assertThat(p[4]).isCloseTo(full[4] / kept, within(1e-12));
    assertThat(p[0]).isCloseTo(full[0] / kept, within(1e-12));
    assertThat(p[1] + p[3] + p[5]).isZero();
  }

  /** Top-p keeps the smallest set of most probable tokens whose mass reaches p. */
  @Test
  void topPKeepsTheSmallestSetReachingP() {
    float[] z = {(float) Math.log(0.1), (float) Math.log(0.5), (float) Math.log(0.3),
        (float) Math.log(0.1)};
    assertThat(kept(z, 0.5)).containsExactly(false, true, false, false);
    assertThat(kept(z, 0.51)).containsExactly(false, true, true, false);
    assertThat(kept(z, 0.8)).containsExactly(false, true, true, false);
    assertThat(kept(z, 0.81)).containsExactly(true, true, true, false);
    assertThat(kept(z, 1.0)).containsExactly(true, true, true, true);
    // general property on the fixed logits, for many p
    double[] full = softmax(LOGITS);
    for (double target = 0.05; target < 1; target += 0.05) {
      double[] p = NextTokenDistribution.probabilities(LOGITS,
          SamplingOptions.defaults().withTopP(target));
      double mass = 0;
      double smallestKept = 1;
      double largestDropped = 0;
      for (int i = 0; i < p.length; i++) {
        if (p[i] > 0) {
          mass += full[i];
          smallestKept = Math.min(smallestKept, full[i]);
        } else {
          largestDropped = Math.max(largestDropped, full[i]);
        }
      }
      assertThat(mass).isGreaterThanOrEqualTo(target - 1e-9);
      assertThat(mass - smallestKept).as("p=%s minimal", target).isLessThan(target);
      assertThat(largestDropped).isLessThanOrEqualTo(smallestKept);
    }
  }

  private static boolean[] kept(float[] z, double topP) {
    double[] p = NextTokenDistribution.probabilities(z, SamplingOptions.defaults().withTopP(topP));
    boolean[] k = new boolean[p.length];
    for (int i = 0; i < p.length; i++) {
      k[i] = p[i] > 0;
    }
    return k;
  }

  @Test
  void lowTemperatureApproachesGreedy() {
    double previous = 0;
    for (double t : new double[] {2, 1, 0.5, 0.1, 0.01}) {
      double top = NextTokenDistribution.probabilities(LOGITS,
          SamplingOptions.defaults().withTemperature(t))[2];
      assertThat(top).isGreaterThan(previous);
      previous = top;
    }
    assertThat(previous).isGreaterThan(0.999_999);
    double[] tiny = NextTokenDistribution.probabilities(LOGITS,
        SamplingOptions.defaults().withTemperature(1e-30));
    assertThat(tiny).containsExactly(0, 0, 1, 0, 0, 0);
  }

  @Test
  void excludedIdsAreNeverDrawn() {
    double[] p = NextTokenDistribution.probabilities(LOGITS, SamplingOptions.defaults(), 2, 4);
    assertThat(p[2]).isZero();
    assertThat(p[4]).isZero();
    assertThat(NextTokenDistribution.probabilities(LOGITS, SamplingOptions.greedy(), 2))
        .containsExactly(0, 0, 0, 0, 1, 0);
    assertThatThrownBy(() -> NextTokenDistribution.probabilities(new float[] {1, 2},
        SamplingOptions.defaults(), 0, 1)).hasMessageContaining("all 2 ids are excluded");
  }

  @Test
  void badOptionsAreRejected() {
    assertThatThrownBy(() -> SamplingOptions.defaults().withTopP(0))
        .hasMessageContaining("topP must be in (0, 1]");
    assertThatThrownBy(() -> SamplingOptions.defaults().withTemperature(-1))
        .hasMessageContaining("got -1.0");
    assertThatThrownBy(() -> SamplingOptions.defaults().withTopK(-2))
        .hasMessageContaining("got -2");
    assertThatThrownBy(() -> SamplingOptions.defaults().withMaxLength(0))
        .hasMessageContaining("maxLength must be >= 1, got 0");
  }
}
