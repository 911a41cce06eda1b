package org.seqlearn.audio.ctc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcPrefixBeamSearchTest {

  private static CtcPrefixBeamSearch fullBeam(int blank, int nBest) {
    return new CtcPrefixBeamSearch(
        CtcBeamOptions.defaults().withBeamWidth(4096).withNBest(nBest).withBlank(blank));
  }

  @Test
  void greedyReturnsEmptyWhereBeamSearchFindsA() {
    ExhaustiveFixtures.Case c = ExhaustiveFixtures.load().get(0);
    assertThat(c.name()).isEqualTo("blank_vs_a");
    CtcHypothesis greedy = new CtcGreedyDecoder(0).decode(c.logProbs());
    assertThat(greedy.tokens()).isEmpty();
    assertThat(Math.exp(greedy.logProb())).isCloseTo(0.36, within(1e-6));
    CtcHypothesis beam =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withBeamWidth(2)).decode(c.logProbs())
            .get(0);
    assertThat(beam.tokens()).containsExactly(1);
    assertThat(Math.exp(beam.logProb())).isCloseTo(0.64, within(1e-6));
    assertThat(beam.logProb()).isCloseTo(c.prefixes().get(0).logProb(), within(1e-6));
  }

  @Test
  void fullBeamEqualsExhaustiveEnumerationFromNumpy() {
    List<ExhaustiveFixtures.Case> cases = ExhaustiveFixtures.load();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
    for (ExhaustiveFixtures.Case c : cases) {
      List<CtcHypothesis> all =
          fullBeam(c.blank(), c.prefixes().size()).decode(c.logProbs());
      assertThat(all).as(c.name()).hasSize(c.prefixes().size());
      Map<String, Double> got = new HashMap<>();
      for (CtcHypothesis h : all) {
        got.put(Arrays.toString(h.tokens()), h.logProb());
      }
      for (ExhaustiveFixtures.Labelled want : c.prefixes()) {
        String key = Arrays.toString(want.tokens());
        assertThat(got).as(c.name() + " " + key).containsKey(key);
        assertThat(got.get(key)).as(c.name() + " " + key).isCloseTo(want.logProb(), within(1e-9));
      }
      assertThat(all.get(0).tokens()).as(c.name()).isEqualTo(c.prefixes().get(0).tokens());
    }
  }

  @Test
  void fullBeamEqualsJavaEnumerationOnSeededRandomInputs() {
    Random rng = new Random(15);
    for (int trial = 0; trial < 40; trial++) {
      int frames = 1 + rng.nextInt(6);
      int symbols = 2 + rng.nextInt(3);
      int blank = rng.nextInt(symbols);
      FrameLogProbs lp = randomLogProbs(rng, frames, symbols);
      Map<String, Double> want = enumerate(lp, blank);
      List<CtcHypothesis> all = fullBeam(blank, want.size()).decode(lp);
      assertThat(all).hasSize(want.size());
      for (CtcHypothesis h : all) {
        assertThat(h.logProb()).isCloseTo(want.get(Arrays.toString(h.tokens())), within(1e-9));
        assertThat(h.score()).isEqualTo(h.logProb());
      }
      for (int i = 1; i < all.size(); i++) {
        assertThat(all.get(i).score()).isLessThanOrEqualTo(all.get(i - 1).score());
      }
    }
  }

  @Test
  void fullBeamNeverScoresBelowGreedy() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 30; trial++) {
      int frames = 1 + rng.nextInt(9);
      FrameLogProbs lp = randomLogProbs(rng, frames, 3);
      CtcHypothesis greedy = new CtcGreedyDecoder(0).decode(lp);
      List<CtcHypothesis> all = fullBeam(0, 1).decode(lp);
      assertThat(all.get(0).score()).isGreaterThanOrEqualTo(greedy.score() - 1e-12);
    }
  }

  @Test
  void oneTokenPerFrameFollowsTheGreedyPath() {
    Random rng = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      FrameLogProbs lp = randomLogProbs(rng, 12, 5);
      CtcHypothesis greedy = new CtcGreedyDecoder(2).decode(lp);
      CtcHypothesis topOne = new CtcPrefixBeamSearch(
          CtcBeamOptions.defaults().withBlank(2).withTokensPerFrame(1)).decode(lp).get(0);
      assertThat(topOne.tokens()).isEqualTo(greedy.tokens());
      assertThat(topOne.frames()).isEqualTo(greedy.frames());
      assertThat(topOne.logProb()).isCloseTo(greedy.logProb(), within(1e-5));
      CtcHypothesis threshold = new CtcPrefixBeamSearch(
          CtcBeamOptions.defaults().withBlank(2).withTokenLogProbThreshold(0.0)).decode(lp).get(0);
      assertThat(threshold.tokens()).isEqualTo(greedy.tokens());
    }
  }

  @Test
  void tokenPruningKeepsOnlyLikelySymbols() {
    // Symbol 3 is never among a frame's two most likely, so it cannot appear.
    float[] v = {-0.5f, -1.5f, -2f, -9f, -1.2f, -0.6f, -3f, -8f, -0.4f, -2f, -2.5f, -7f};
    FrameLogProbs lp = FrameLogProbs.of(log(softmaxRows(v, 4)), 3, 4);
    List<CtcHypothesis> n = new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withBeamWidth(64)
        .withNBest(64).withTokensPerFrame(2)).decode(lp);
    for (CtcHypothesis h : n) {
      assertThat(h.tokens()).doesNotContain(3, 2);
    }
    // With a beam threshold of 0 only the best prefix (and its ties) survive each frame.
    List<CtcHypothesis> narrow = new CtcPrefixBeamSearch(CtcBeamOptions.defaults()
        .withBeamWidth(8).withNBest(8).withBeamThreshold(0)).decode(lp);
    assertThat(narrow).hasSize(1);
  }

  @Test
  void timestampsAreTheFramesThatEmitEachToken() {
    // a a _ b b _ a : "aba", emitted at frames 0, 3, 6.
    int[] path = {1, 1, 0, 2, 2, 0, 1};
    float[] v = new float[path.length * 3];
    for (int t = 0; t < path.length; t++) {
      for (int s = 0; s < 3; s++) {
        v[t * 3 + s] = s == path[t] ? (float) Math.log(0.9) : (float) Math.log(0.05);
      }
    }
    FrameLogProbs lp = FrameLogProbs.of(v, path.length, 3);
    CtcHypothesis h = new CtcPrefixBeamSearch(CtcBeamOptions.defaults()).decode(lp).get(0);
    assertThat(h.tokens()).containsExactly(1, 2, 1);
    assertThat(h.frames()).containsExactly(0, 3, 6);
    CtcHypothesis g = new CtcGreedyDecoder(0).decode(lp);
    assertThat(g.tokens()).containsExactly(1, 2, 1);
    assertThat(g.frames()).containsExactly(0, 3, 6);
  }

  @Test
  void scorerBonusesChangeTheRankingAndForbiddenTokensNeverAppear() {
    ExhaustiveFixtures.Case c = ExhaustiveFixtures.load().get(0);
    CtcScorer<Integer> penalty = new CtcScorer<>() {
      @Override
      public Integer initialState() {
        return 0;
      }

      @Override
      public Step<Integer> extend(Integer state, int token) {
        return new Step<>(state + 1, -1.0);
      }

      @Override
      public double finish(Integer state) {
        return 0;
      }
    };
    List<CtcHypothesis> n =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(2), penalty)
            .decode(c.logProbs());
    assertThat(n.get(0).tokens()).isEmpty();
    assertThat(n.get(1).tokens()).containsExactly(1);
    assertThat(n.get(1).score()).isCloseTo(n.get(1).logProb() - 1.0, within(1e-12));
    assertThat(Math.exp(n.get(1).logProb())).isCloseTo(0.64, within(1e-6));

    CtcScorer<Object> forbidAll = new CtcScorer<>() {
      @Override
      public Object initialState() {
        return "";
      }

      @Override
      public Step<Object> extend(Object state, int token) {
        return new Step<>(state, Double.NEGATIVE_INFINITY);
      }

      @Override
      public double finish(Object state) {
        return 0;
      }
    };
    List<CtcHypothesis> only =
        new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withNBest(2), forbidAll)
            .decode(c.logProbs());
    assertThat(only).hasSize(1);
    assertThat(only.get(0).tokens()).isEmpty();
  }

  @Test
  void noFramesGiveTheEmptyHypothesis() {
    List<CtcHypothesis> n = new CtcPrefixBeamSearch(CtcBeamOptions.defaults())
        .decode(FrameLogProbs.of(new float[0], 0, 4));
    assertThat(n).hasSize(1);
    assertThat(n.get(0).tokens()).isEmpty();
    assertThat(n.get(0).logProb()).isZero();
  }

  @Test
  void badInputsAreRejectedWithWhatWasExpected() {
    assertThatThrownBy(() -> FrameLogProbs.of(new float[5], 2, 3))
        .hasMessageContaining("expected 6 values").hasMessageContaining("got 5");
    assertThatThrownBy(() -> FrameLogProbs.of(new float[] {0, Float.NaN}, 1, 2))
        .hasMessageContaining("frame 0, symbol 1");
    FrameLogProbs lp = FrameLogProbs.of(new float[] {-1, -1}, 1, 2);
    assertThatThrownBy(
        () -> new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withBlank(2)).decode(lp))
        .hasMessageContaining("blank index must be in [0, 2), got 2");
    assertThatThrownBy(() -> CtcBeamOptions.defaults().withBeamWidth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beamWidth >= 1");
    assertThatThrownBy(() -> CtcBeamOptions.defaults().withNBest(17))
        .hasMessageContaining("nBest <= beamWidth");
  }

  static FrameLogProbs randomLogProbs(Random rng, int frames, int symbols) {
    float[] v = new float[frames * symbols];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (2 * rng.nextGaussian());
    }
    return FrameLogProbs.of(log(softmaxRows(v, symbols)), frames, symbols);
  }

  private static float[] softmaxRows(float[] logits, int symbols) {
    float[] out = new float[logits.length];
    for (int r = 0; r < logits.length; r += symbols) {
      double max = Double.NEGATIVE_INFINITY;
      for (int s = 0; s < symbols; s++) {
        max = Math.max(max, logits[r + s]);
      }
      double sum = 0;
      for (int s = 0; s < symbols; s++) {
        sum += Math.exp(logits[r + s] - max);
      }
      for (int s = 0; s < symbols; s++) {
        out[r + s] = (float) (Math.exp(logits[r + s] - max) / sum);
      }
    }
    return out;
  }

  private static float[] log(float[] p) {
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = (float) Math.log(p[i]);
    }
    return out;
  }

  /** log P(labels | x) for every label sequence, by summing all symbols^frames paths. */
  private static Map<String, Double> enumerate(FrameLogProbs lp, int blank) {
    int frames = lp.frames();
    int symbols = lp.symbols();
    Map<String, List<Double>> paths = new HashMap<>();
    int[] path = new int[frames];
    long count = (long) Math.pow(symbols, frames);
    for (long code = 0; code < count; code++) {
      long rest = code;
      double score = 0;
      for (int t = 0; t < frames; t++) {
        path[t] = (int) (rest % symbols);
        rest /= symbols;
        score += lp.get(t, path[t]);
      }
      paths.computeIfAbsent(Arrays.toString(CtcGreedyDecoder.collapse(path, blank)),
          k -> new ArrayList<>()).add(score);
    }
    Map<String, Double> out = new HashMap<>();
    paths.forEach((k, scores) -> {
      double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      double sum = scores.stream().mapToDouble(s -> Math.exp(s - max)).sum();
      out.put(k, max + Math.log(sum));
    });
    return out;
  }
}
