package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class SamplerTest {

  private static final int END = 0;
  private static final double[] FIRST = {0.1, 0.4, 0.3, 0.15, 0.05};

  /** The first token follows FIRST; after it the model always ends. */
  private static final TableDecoder.Table ONE_TOKEN = (s, p) -> p.length == 0
      ? TableDecoder.logOf(FIRST) : TableDecoder.logOf(0.96, 0.01, 0.01, 0.01, 0.01);

  private static int[] firstTokenCounts(SamplingOptions o, int n, long seed) {
    List<Hypothesis> samples = new Sampler(o.maxLength(1)).sample(new TableDecoder(5, ONE_TOKEN),
        PrefixState.of(new int[n]), null, new Rng(seed));
    int[] counts = new int[5];
    for (Hypothesis h : samples) {
      counts[h.ended() ? END : h.tokens()[0]]++;
    }
    return counts;
  }

  /** Pearson's chi-square of counts against expected probabilities (zero cells must be empty). */
  private static double chiSquare(int[] counts, double[] expected) {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    double chi2 = 0;
    for (int i = 0; i < counts.length; i++) {
      if (expected[i] == 0) {
        assertThat(counts[i]).as("count of %d", i).isZero();
      } else {
        double e = n * expected[i];
        chi2 += (counts[i] - e) * (counts[i] - e) / e;
      }
    }
    return chi2;
  }

  private static double[] normalised(double... w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double[] p = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      p[i] = w[i] / total;
    }
    return p;
  }

  /**
   * 20,000 first tokens drawn in one batch fit the filtered distribution (fixed seed, so the
   * outcome is deterministic; the bounds are the chi-square quantiles of p = 1e-4).
   */
  @Test
  void drawsFollowTheFilteredDistribution() {
    SamplingOptions o = SamplingOptions.defaults(END, END);
    assertThat(chiSquare(firstTokenCounts(o, 20_000, 1), FIRST)).isLessThan(23.5);
    assertThat(chiSquare(firstTokenCounts(o.topK(2), 20_000, 2), normalised(0, 0.4, 0.3, 0, 0)))
        .isLessThan(15.1);
    assertThat(chiSquare(firstTokenCounts(o.topP(0.75), 20_000, 3),
        normalised(0, 0.4, 0.3, 0.15, 0))).isLessThan(18.4);
    assertThat(chiSquare(firstTokenCounts(o.temperature(0.5), 20_000, 4),
        normalised(0.01, 0.16, 0.09, 0.0225, 0.0025))).isLessThan(23.5);
    assertThat(chiSquare(firstTokenCounts(o.excluded(1, 2), 20_000, 5),
        normalised(0.1, 0, 0, 0.15, 0.05))).isLessThan(18.4);
    // and a wrong distribution is rejected by the same check
    assertThat(chiSquare(firstTokenCounts(o.temperature(0.8), 20_000, 1), FIRST))
        .isGreaterThan(100);
  }

  @Test
  void sameSeedSameSamplesAndScoresUnderTheModel() {
    TableDecoder.Table table = TableDecoder.random(3, 6, 1.0);
    Sampler sampler = new Sampler(SamplingOptions.defaults(END, END).topK(4).maxLength(12));
    List<Hypothesis> a = sampler.sample(new TableDecoder(6, table), PrefixState.of(0, 1, 2, 3),
        null, new Rng(9));
    List<Hypothesis> b = sampler.sample(new TableDecoder(6, table), PrefixState.of(0, 1, 2, 3),
        null, new Rng(9));
    List<Hypothesis> c = sampler.sample(new TableDecoder(6, table), PrefixState.of(0, 1, 2, 3),
        null, new Rng(10));
    boolean differs = false;
    for (int s = 0; s < 4; s++) {
      assertThat(a.get(s).tokens()).containsExactly(b.get(s).tokens());
      differs |= !Arrays.equals(a.get(s).tokens(), c.get(s).tokens());
      int[] full = a.get(s).ended() ? append(a.get(s).tokens(), END) : a.get(s).tokens();
      double forced = ForcedDecoding.score(new TableDecoder(6, table), PrefixState.of(s), END,
          full);
      assertThat(a.get(s).logProb()).isCloseTo(forced, within(1e-5));
      assertThat(a.get(s).score()).isEqualTo(a.get(s).logProb());
    }
    assertThat(differs).isTrue();
  }

  private static int[] append(int[] tokens, int token) {
    int[] out = Arrays.copyOf(tokens, tokens.length + 1);
    out[tokens.length] = token;
    return out;
  }

  /** Only differences within a row matter: logits shifted by a constant give the same samples. */
  @Test
  void unnormalisedLogitsSampleLikeLogProbabilities() {
    TableDecoder.Table table = TableDecoder.random(4, 6, 1.0);
    TableDecoder.Table shifted = (s, p) -> {
      double[] lp = table.logProbs(s, p);
      for (int i = 0; i < lp.length; i++) {
        lp[i] += 3.25 + p.length;
      }
      return lp;
    };
    Sampler sampler = new Sampler(SamplingOptions.defaults(END, END).maxLength(10));
    List<Hypothesis> a = sampler.sample(new TableDecoder(6, table), PrefixState.of(0, 1, 2),
        null, new Rng(5));
    List<Hypothesis> b = sampler.sample(new TableDecoder(6, shifted).logits(),
        PrefixState.of(0, 1, 2), null, new Rng(5));
    for (int s = 0; s < 3; s++) {
      assertThat(b.get(s).tokens()).containsExactly(a.get(s).tokens());
      assertThat(b.get(s).logProb()).isCloseTo(a.get(s).logProb(), within(1e-5));
    }
    assertThatThrownBy(() -> new BeamSearch(BeamSearchOptions.defaults(END, END))
        .search(new TableDecoder(6, shifted).logits(), PrefixState.of(0), null))
        .hasMessageContaining("needs log-probabilities");
  }

  @Test
  void lengthLimitsAndExclusions() {
    TableDecoder.Table eager = (s, p) -> TableDecoder.logOf(0.9, 0.04, 0.03, 0.02, 0.01);
    Sampler atLeastThree = new Sampler(SamplingOptions.defaults(END, END).minLength(3)
        .maxLength(LengthLimit.linear(2, 0)).excluded(1));
    int[] sources = {2, 5, 3, 4};
    List<Hypothesis> out = atLeastThree.sample(new TableDecoder(5, eager),
        PrefixState.of(0, 1, 2, 3), sources, new Rng(2));
    for (int s = 0; s < 4; s++) {
      Hypothesis h = out.get(s);
      assertThat(h.tokens().length).isBetween(3, 2 * sources[s]);
      assertThat(h.tokens()).doesNotContain(1, END);
      assertThat(h.ended() || h.tokens().length == 2 * sources[s]).isTrue();
    }
    TableDecoder.Table never = (s, p) -> TableDecoder.logOf(1e-9, 0.5, 0.5 - 1e-9, 0, 0);
    Hypothesis cut = new Sampler(SamplingOptions.defaults(END, END).maxLength(4))
        .sample(new TableDecoder(5, never), PrefixState.of(0), null, new Rng(1)).get(0);
    assertThat(cut.ended()).isFalse();
    assertThat(cut.tokens()).hasSize(4);
    assertThat(cut.tokenLogProbs()).hasSize(4);
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> SamplingOptions.defaults(0, 0).topP(0))
        .hasMessageContaining("topP must be in (0, 1]");
    assertThatThrownBy(() -> SamplingOptions.defaults(0, 2).excluded(2))
        .hasMessageContaining("end token 2 cannot be excluded");
    assertThatThrownBy(() -> new Sampler(SamplingOptions.defaults(7, 0))
        .greedy(new TableDecoder(5, ONE_TOKEN), PrefixState.of(0), null))
        .hasMessageContaining("in [0, V = 5), got 7 and 0");
  }
}
