package org.seqlearn.layers.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BeamSearchFeaturesTest {

  private static final int END = 0;
  private static final int A = 1;
  private static final int B = 2;

  /** A model that alternates a, b, a, b, … and hardly ever ends. */
  private static final TableDecoder.Table ALTERNATING = (s, p) -> {
    int last = p.length == 0 ? B : p[p.length - 1];
    return last == A ? TableDecoder.logOf(0.02, 0.08, 0.9) : TableDecoder.logOf(0.02, 0.9, 0.08);
  };

  private static List<Hypothesis> decode(TableDecoder.Table table, BeamSearchOptions o) {
    return new BeamSearch(o).search(new TableDecoder(3, table), PrefixState.of(0), null).get(0);
  }

  /** True when some n-gram occurs twice in {@code tokens} (never for n = 0). */
  static boolean repeatsAnNgram(int[] tokens, int n) {
    if (n == 0) {
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i + n <= tokens.length; i++) {
      StringBuilder key = new StringBuilder();
      for (int m = 0; m < n; m++) {
        key.append(tokens[i + m]).append(',');
      }
      if (!seen.add(key.toString())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void noRepeatNgramBlockingKeepsEveryNgramUnique() {
    BeamSearchOptions o = BeamSearchOptions.defaults(END, END).maxLength(6).beamWidth(3)
        .nBest(3);
    Hypothesis free = decode(ALTERNATING, o).get(0);
    assertThat(free.tokens()).containsExactly(A, B, A, B, A, B);
    for (int n = 1; n <= 3; n++) {
      List<Hypothesis> blocked = decode(ALTERNATING, o.noRepeatNgramSize(n));
      assertThat(blocked).isNotEmpty();
      for (Hypothesis h : blocked) {
        assertThat(repeatsAnNgram(h.tokens(), n)).as("n=%d %s", n, h).isFalse();
      }
    }
    assertThat(decode(ALTERNATING, o.noRepeatNgramSize(2)).get(0).tokens())
        .containsExactly(A, B, A, A);
    assertThat(decode(ALTERNATING, o.noRepeatNgramSize(3)).get(0).tokens())
        .containsExactly(A, B, A, B, B, A);
    // a beam wide enough to prune nothing finds the best sequence without repeated n-grams
    for (int n = 1; n <= 3; n++) {
      BeamSearchOptions wide = o.noRepeatNgramSize(n).beamWidth(300).nBest(3);
      List<ExhaustiveSearch.Scored> all = ExhaustiveSearch.rank(ALTERNATING, 0, 3, wide, 6);
      List<Hypothesis> beam = decode(ALTERNATING, wide);
      assertThat(beam.get(0).tokens()).as("n=%d", n).containsExactly(all.get(0).tokens());
      for (int i = 0; i < 3; i++) {
        // (the table is symmetric enough for ties below the best, so compare scores there)
        assertThat(beam.get(i).score()).isEqualTo(all.get(i).score());
      }
    }
  }

  /** "b" is more probable, but its attention never covers source positions 1 and 2. */
  @Test
  void coveragePenaltyPrefersTheOutputThatCoversTheSource() {
    TableDecoder.Table table = (s, p) -> p.length == 0 ? TableDecoder.logOf(0.1, 0.4, 0.5)
        : TableDecoder.logOf(0.9, 0.05, 0.05);
    TableDecoder.Attention attention = (s, p) -> {
      if (p.length == 0) {
        return new float[] {1, 0, 0};
      }
      return p[0] == A ? new float[] {0, 1, 1} : new float[] {0, 0.1f, 0.1f};
    };
    BeamSearchOptions o = BeamSearchOptions.defaults(END, END).maxLength(4).beamWidth(2).nBest(2);
    TableDecoder plain = new TableDecoder(3, table, attention);
    assertThat(new BeamSearch(o).search(plain, PrefixState.of(0), new int[] {3}).get(0).get(0)
        .tokens()).containsExactly(B);
    List<Hypothesis> covered = new BeamSearch(o.coverageBeta(0.2)).search(
        new TableDecoder(3, table, attention), PrefixState.of(0), new int[] {3}).get(0);
    assertThat(covered.get(0).tokens()).containsExactly(A);
    assertThat(covered.get(0).score()).isCloseTo(Math.log(0.4 * 0.9) / 2, within(1e-6));
    assertThat(covered.get(1).tokens()).containsExactly(B);
    assertThat(covered.get(1).score()).isCloseTo(Math.log(0.5 * 0.9) / 2
        + 0.2 * 2 * Math.log(0.1f), within(1e-6));
    // with the source length 1, only position 0 counts, fully covered by both
    List<Hypothesis> shortSource = new BeamSearch(o.coverageBeta(0.2)).search(
        new TableDecoder(3, table, attention), PrefixState.of(0), new int[] {1}).get(0);
    assertThat(shortSource.get(0).tokens()).containsExactly(B);
  }

  @Test
  void widthOneEqualsGreedyDecoding() {
    for (long seed = 0; seed < 40; seed++) {
      TableDecoder.Table table = TableDecoder.random(seed, 5, 2.0);
      Hypothesis beam = new BeamSearch(BeamSearchOptions.defaults(END, END).beamWidth(1)
          .maxLength(8)).search(new TableDecoder(5, table), PrefixState.of(0), null).get(0).get(0);
      Hypothesis greedy = new Sampler(SamplingOptions.defaults(END, END).maxLength(8))
          .greedy(new TableDecoder(5, table), PrefixState.of(0), null).get(0);
      assertThat(beam.tokens()).as("seed %d", seed).containsExactly(greedy.tokens());
      if (greedy.ended()) {
        assertThat(beam.logProb()).isCloseTo(greedy.logProb(), within(1e-5));
      }
    }
  }

  /**
   * Three sentences with their own models and source lengths (a maximum length of Tx + 1) decode
   * in one batch as they do one by one, with one decoder call per step.
   */
  @Test
  void batchedDecodingEqualsDecodingOneByOne() {
    TableDecoder.Table table = TableDecoder.random(7, 5, 1.2);
    int[] sources = {2, 6, 4};
    for (BeamSearchOptions o : new BeamSearchOptions[] {
        BeamSearchOptions.defaults(END, END).beamWidth(3).nBest(2)
            .maxLength(LengthLimit.linear(1, 1)),
        BeamSearchOptions.defaults(END, END).beamWidth(4).nBest(4).noRepeatNgramSize(2)
            .lengthPenalty(LengthPenalty.GNMT, 0.6).maxLength(LengthLimit.linear(1, 1))
            .stopping(Stopping.EARLY)}) {
      TableDecoder batched = new TableDecoder(5, table);
      List<List<Hypothesis>> all = new BeamSearch(o).search(batched, PrefixState.of(0, 1, 2),
          sources);
      int longest = 0;
      for (int s = 0; s < 3; s++) {
        TableDecoder single = new TableDecoder(5, table);
        List<Hypothesis> alone = new BeamSearch(o).search(single, PrefixState.of(s),
            new int[] {sources[s]}).get(0);
        longest = Math.max(longest, single.calls);
        assertThat(all.get(s)).hasSameSizeAs(alone);
        for (int i = 0; i < alone.size(); i++) {
          assertThat(all.get(s).get(i).tokens()).containsExactly(alone.get(i).tokens());
          assertThat(all.get(s).get(i).score()).isEqualTo(alone.get(i).score());
          assertThat(all.get(s).get(i).tokens().length).isLessThanOrEqualTo(sources[s] + 1);
        }
      }
      assertThat(batched.calls).isEqualTo(longest);
    }
    Sampler greedy = new Sampler(SamplingOptions.defaults(END, END)
        .maxLength(LengthLimit.linear(1, 1)));
    List<Hypothesis> batch = greedy.greedy(new TableDecoder(5, table), PrefixState.of(0, 1, 2),
        sources);
    for (int s = 0; s < 3; s++) {
      assertThat(batch.get(s).tokens()).containsExactly(greedy.greedy(new TableDecoder(5, table),
          PrefixState.of(s), new int[] {sources[s]}).get(0).tokens());
    }
  }
}
