package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {

  private static final int END = 0;
  private static final int A = 1;
  private static final int B = 2;

  /** After "a" the model hesitates; after "b" it is sure to end: greedy picks a, end. */
  private static final TableDecoder.Table GREEDY_TRAP = (s, p) -> {
    if (p.length == 0) {
      return TableDecoder.logOf(0.1, 0.5, 0.4);
    }
    if (p.length == 1 && p[0] == A) {
      return TableDecoder.logOf(0.4, 0.3, 0.3);
    }
    return TableDecoder.logOf(0.9, 0.05, 0.05);
  };

  private static List<Hypothesis> decode(TableDecoder.Table table, BeamSearchOptions o) {
    return new BeamSearch(o).search(new TableDecoder(3, table), PrefixState.of(0), null).get(0);
  }

  private static BeamSearchOptions options() {
    return BeamSearchOptions.defaults(END, END).maxLength(6);
  }

  @Test
  void beamFindsTheBestSequenceThatGreedyMisses() {
    BeamSearchOptions o = options().lengthPenalty(LengthPenalty.NONE, 0);
    Hypothesis greedy = decode(GREEDY_TRAP, o.beamWidth(1)).get(0);
    assertThat(greedy.tokens()).containsExactly(A);
    assertThat(greedy.logProb()).isCloseTo(Math.log(0.5 * 0.4), within(1e-6));
    Hypothesis beam = decode(GREEDY_TRAP, o.beamWidth(2)).get(0);
    assertThat(beam.tokens()).containsExactly(B);
    assertThat(beam.ended()).isTrue();
    assertThat(beam.logProb()).isCloseTo(Math.log(0.4 * 0.9), within(1e-6));
    assertThat(beam.tokenLogProbs()).hasSize(2);
    assertThat(beam.tokenLogProbs()[0]).isCloseTo((float) Math.log(0.4), within(1e-6f));
    assertThat(beam.score()).isEqualTo(beam.logProb());
  }

  /** Ending at once wins on Σ log P; "a, end" wins on the per-token average. */
  private static final TableDecoder.Table SHORT_OR_AVERAGE = (s, p) -> {
    if (p.length == 0) {
      return TableDecoder.logOf(0.4, 0.5, 0.1);
    }
    if (p.length == 1 && p[0] == A) {
      return TableDecoder.logOf(0.7, 0.2, 0.1);
    }
    return TableDecoder.logOf(0.5, 0.25, 0.25);
  };

  @Test
  void lengthNormalisationChangesTheWinner() {
    Hypothesis raw = decode(SHORT_OR_AVERAGE, options().lengthPenalty(LengthPenalty.NONE, 0))
        .get(0);
    assertThat(raw.tokens()).isEmpty();
    assertThat(raw.score()).isCloseTo(Math.log(0.4), within(1e-6));
    Hypothesis average = decode(SHORT_OR_AVERAGE, options()).get(0);
    assertThat(average.tokens()).containsExactly(A);
    assertThat(average.score()).isCloseTo(Math.log(0.5 * 0.7) / 2, within(1e-6));
    Hypothesis gnmt = decode(SHORT_OR_AVERAGE, options().lengthPenalty(LengthPenalty.GNMT, 1))
        .get(0);
    assertThat(gnmt.score()).isCloseTo(Math.log(0.5 * 0.7) / (7.0 / 6.0), within(1e-6));
  }

  @Test
  void minLengthForbidsEndingEarlier() {
    BeamSearchOptions o = options().lengthPenalty(LengthPenalty.NONE, 0).minLength(2);
    Hypothesis best = decode(SHORT_OR_AVERAGE, o).get(0);
    assertThat(best.tokens()).hasSize(2);
    assertThat(best.tokens()).containsExactly(A, A);
  }

  /**
   * Ending at once (0.45) ranks first among the first step's candidates, but "a, a, end" (0.534)
   * is better: the exact rule finds it, stopping at the first finished hypothesis does not.
   */
  private static final TableDecoder.Table END_VERSUS_LONGER = (s, p) -> {
    if (p.length == 0) {
      return TableDecoder.logOf(0.45, 0.55, 1e-9);
    }
    if (p.length == 1) {
      return TableDecoder.logOf(0.01, 0.98, 0.01);
    }
    return TableDecoder.logOf(0.99, 0.005, 0.005);
  };

  @Test
  void endTokenCompetesWithALongerBetterContinuation() {
    for (LengthPenalty penalty : LengthPenalty.values()) {
      BeamSearchOptions o = options().lengthPenalty(penalty, 1).beamWidth(2);
      Hypothesis exact = decode(END_VERSUS_LONGER, o).get(0);
      assertThat(exact.tokens()).as("%s", penalty).containsExactly(A, A);
      assertThat(exact.logProb()).isCloseTo(Math.log(0.55 * 0.98 * 0.99), within(1e-6));
      Hypothesis early = decode(END_VERSUS_LONGER, o.stopping(Stopping.EARLY)).get(0);
      assertThat(early.tokens()).as("%s", penalty).isEmpty();
    }
  }

  @Test
  void nBestListsAreSortedAndCarryScores() {
    List<Hypothesis> three = decode(GREEDY_TRAP, options().beamWidth(3).nBest(3));
    assertThat(three).hasSize(3);
    for (int i = 1; i < three.size(); i++) {
      assertThat(three.get(i).score()).isLessThanOrEqualTo(three.get(i - 1).score());
    }
    for (Hypothesis h : three) {
      double sum = 0;
      for (float lp : h.tokenLogProbs()) {
        sum += lp;
      }
      assertThat(h.logProb()).isCloseTo(sum, within(1e-9));
      assertThat(h.score()).isCloseTo(h.logProb() / h.length(), within(1e-12));
    }
  }

  @Test
  void maximumLengthForcesTheEndToken() {
    TableDecoder.Table neverEnds = (s, p) -> TableDecoder.logOf(1e-6, 0.5, 0.5 - 1e-6);
    List<Hypothesis> out = decode(neverEnds, options().maxLength(3).beamWidth(2).nBest(2));
    for (Hypothesis h : out) {
      assertThat(h.tokens()).hasSize(3);
      assertThat(h.ended()).isTrue();
    }
  }

  @Test
  void withoutAnEndTokenHypothesesHaveTheMaximumLength() {
    List<Hypothesis> out = new BeamSearch(BeamSearchOptions.defaults(0, -1).maxLength(4)
        .beamWidth(3).nBest(3)).search(new TableDecoder(3, GREEDY_TRAP), PrefixState.of(0), null)
        .get(0);
    assertThat(out).hasSize(3);
    for (Hypothesis h : out) {
      assertThat(h.tokens()).hasSize(4);
      assertThat(h.ended()).isFalse();
      assertThat(h.tokenLogProbs()).hasSize(4);
    }
  }

  @Test
  void badArgumentsAreNamed() {
    TableDecoder d = new TableDecoder(3, GREEDY_TRAP);
    assertThatThrownBy(() -> new BeamSearch(BeamSearchOptions.defaults(5, 0))
        .search(d, PrefixState.of(0), null))
        .hasMessageContaining("startToken must be in [0, V = 3), got 5");
    assertThatThrownBy(() -> new BeamSearch(options().maxLength(LengthLimit.linear(2, 1)))
        .search(d, PrefixState.of(0), null)).hasMessageContaining("needs the source lengths");
    assertThatThrownBy(() -> new BeamSearch(options()).search(d, PrefixState.of(0, 1),
        new int[] {3})).hasMessageContaining("expected 2 source lengths");
    assertThatThrownBy(() -> options().nBest(6)).hasMessageContaining("nBest must be in [1,");
    TableDecoder positive = new TableDecoder(3, (s, p) -> new double[] {0.5, -1, -1});
    assertThatThrownBy(() -> new BeamSearch(options()).search(positive, PrefixState.of(0), null))
        .hasMessageContaining("log-probabilities must be <= 0, got 0.5");
  }
}
