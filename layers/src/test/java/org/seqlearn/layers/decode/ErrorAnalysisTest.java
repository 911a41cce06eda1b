package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorAnalysisTest {

  private static final int END = 0;
  private static final int A = 1;
  private static final int B = 2;

  /** As in BeamSearchTest: greedy finds "a" (0.2), the best is "b" (0.36). */
  private static final TableDecoder.Table TABLE = (s, p) -> {
    if (p.length == 0) {
      return TableDecoder.logOf(0.1, 0.5, 0.4);
    }
    if (p.length == 1 && p[0] == A) {
      return TableDecoder.logOf(0.4, 0.3, 0.3);
    }
    return TableDecoder.logOf(0.9, 0.05, 0.05);
  };

  @Test
  void forcedScoreIsTheLogProbabilityTheSearchReports() {
    BeamSearchOptions o = BeamSearchOptions.defaults(END, END).beamWidth(3).nBest(3);
    List<Hypothesis> nBest = new BeamSearch(o).search(new TableDecoder(3, TABLE),
        PrefixState.of(0), null).get(0);
    int[][] sequences = new int[3][];
    for (int i = 0; i < 3; i++) {
      int[] t = nBest.get(i).tokens();
      sequences[i] = Arrays.copyOf(t, t.length + 1);
      double forced = ForcedDecoding.score(new TableDecoder(3, TABLE), PrefixState.of(0), END,
          sequences[i]);
      assertThat(forced).isEqualTo(nBest.get(i).logProb());
    }
    List<ForcedDecoding> batched = ForcedDecoding.run(new TableDecoder(3, TABLE),
        PrefixState.of(0, 0, 0), END, sequences);
    for (int i = 0; i < 3; i++) {
      assertThat(batched.get(i).logProb()).isEqualTo(nBest.get(i).logProb());
      assertThat(batched.get(i).tokenLogProbs()).containsExactly(nBest.get(i).tokenLogProbs());
    }
  }

  @Test
  void searchIsAtFaultWhenTheModelPrefersTheReference() {
    BeamSearchOptions o = BeamSearchOptions.defaults(END, END)
        .lengthPenalty(LengthPenalty.NONE, 0);
    int[] output = new BeamSearch(o.beamWidth(1)).search(new TableDecoder(3, TABLE),
        PrefixState.of(0), null).get(0).get(0).tokens();
    assertThat(output).containsExactly(A);
    ErrorAnalysis e = ErrorAnalysis.analyse(new TableDecoder(3, TABLE), PrefixState.of(0), -1, o,
        new int[] {B}, output);
    assertThat(e.referenceLogProb()).isCloseTo(Math.log(0.4 * 0.9), within(1e-6));
    assertThat(e.outputLogProb()).isCloseTo(Math.log(0.5 * 0.4), within(1e-6));
    assertThat(e.fault()).isEqualTo(ErrorAnalysis.Fault.SEARCH);
  }

  @Test
  void modelIsAtFaultWhenItPrefersItsOwnOutput() {
    BeamSearchOptions o = BeamSearchOptions.defaults(END, END);
    ErrorAnalysis e = ErrorAnalysis.analyse(new TableDecoder(3, TABLE), PrefixState.of(0), -1, o,
        new int[] {A, A}, new int[] {B});
    assertThat(e.referenceLogProb()).isCloseTo(Math.log(0.5 * 0.3 * 0.9), within(1e-6));
    assertThat(e.referenceScore()).isCloseTo(Math.log(0.5 * 0.3 * 0.9) / 3, within(1e-6));
    assertThat(e.outputScore()).isCloseTo(Math.log(0.4 * 0.9) / 2, within(1e-6));
    assertThat(e.fault()).isEqualTo(ErrorAnalysis.Fault.MODEL);
  }

  /** Length normalisation can decide the verdict: judged as the search ranked. */
  @Test
  void theVerdictUsesTheSearchObjective() {
    TableDecoder.Table table = (s, p) -> p.length == 0 ? TableDecoder.logOf(0.4, 0.5, 0.1)
        : p.length == 1 ? TableDecoder.logOf(0.7, 0.2, 0.1) : TableDecoder.logOf(0.5, 0.25, 0.25);
    BeamSearchOptions average = BeamSearchOptions.defaults(END, END);
    ErrorAnalysis e = ErrorAnalysis.analyse(new TableDecoder(3, table), PrefixState.of(0), -1,
        average, new int[] {A}, new int[0]);
    assertThat(e.referenceLogProb()).isLessThan(e.outputLogProb());
    assertThat(e.referenceScore()).isGreaterThan(e.outputScore());
    assertThat(e.fault()).isEqualTo(ErrorAnalysis.Fault.SEARCH);
    assertThat(ErrorAnalysis.analyse(new TableDecoder(3, table), PrefixState.of(0), -1,
        average.lengthPenalty(LengthPenalty.NONE, 0), new int[] {A}, new int[0]).fault())
        .isEqualTo(ErrorAnalysis.Fault.MODEL);
  }
}
