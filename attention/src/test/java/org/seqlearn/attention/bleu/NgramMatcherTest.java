package org.seqlearn.attention.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link NgramMatcher} against a direct count with hash maps of token lists. */
class NgramMatcherTest {

  @Test
  void equalsDirectClippedCountsEvenWhenTokenHashesCollide() {
    // "Aa" and "BB" have the same String.hashCode, so their n-grams share a 64-bit hash too.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    String[] alphabet = {"Aa", "BB", "AaBB", "BBAa", "c", "d"};
    Random rnd = new Random(7);
    NgramMatcher matcher = new NgramMatcher();
    for (int trial = 0; trial < 300; trial++) {
      List<String> hyp = randomTokens(rnd, alphabet, rnd.nextInt(trial < 150 ? 12 : 120));
      List<List<String>> refs = new ArrayList<>();
      for (int r = 0, nr = 1 + rnd.nextInt(4); r < nr; r++) {
        refs.add(randomTokens(rnd, alphabet, rnd.nextInt(trial < 150 ? 12 : 120)));
      }
      int order = 1 + rnd.nextInt(6);
      int[] matches = new int[order];
      int[] totals = new int[order];
      matcher.count(hyp, refs, matches, totals);
      for (int n = 1; n <= order; n++) {
        Map<List<String>, Integer> hypCounts = counts(hyp, n);
        Map<List<String>, Integer> maxRef = new HashMap<>();
        for (List<String> ref : refs) {
          counts(ref, n).forEach((g, c) -> maxRef.merge(g, c, Math::max));
        }
        int clipped = 0;
        int total = 0;
        for (Map.Entry<List<String>, Integer> e : hypCounts.entrySet()) {
          clipped += Math.min(e.getValue(), maxRef.getOrDefault(e.getKey(), 0));
          total += e.getValue();
        }
        assertThat(matches[n - 1]).as("trial %d order %d", trial, n).isEqualTo(clipped);
        assertThat(totals[n - 1]).as("trial %d order %d", trial, n).isEqualTo(total);
      }
    }
  }

  /**
   * 2^17 distinct tokens with one String.hashCode (each is 17 blocks of "Aa" or "BB"): with
   * hashes taken from String.hashCode the table would probe quadratically (~1e10 steps).
   */
  @Test
  @Timeout(60)
  void distinctTokensWithEqualStringHashCodesStayLinear() {
    int count = 1 << 17;
    List<String> tokens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder(34);
      for (int bit = 16; bit >= 0; bit--) {
        sb.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
      }
      tokens.add(sb.toString());
    }
    assertThat(tokens.get(0).hashCode()).isEqualTo(tokens.get(count - 1).hashCode());
    List<String> reference = new ArrayList<>(tokens.subList(0, count / 2));
    int[] matches = new int[2];
    int[] totals = new int[2];
    new NgramMatcher().count(tokens, List.of(reference), matches, totals);
    assertThat(matches).containsExactly(count / 2, count / 2 - 1);
    assertThat(totals).containsExactly(count, count - 1);
  }

  @Test
  void noReferencesMeansNoMatches() {
    int[] matches = new int[2];
    int[] totals = new int[2];
    new NgramMatcher().count(List.of("a", "b", "a"), Collections.emptyList(), matches, totals);
    assertThat(matches).containsExactly(0, 0);
    assertThat(totals).containsExactly(3, 2);
  }

  private static List<String> randomTokens(Random rnd, String[] alphabet, int length) {
    List<String> out = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      out.add(new String(alphabet[rnd.nextInt(alphabet.length)])); // distinct instances
    }
    return out;
  }

  private static Map<List<String>, Integer> counts(List<String> tokens, int n) {
    Map<List<String>, Integer> m = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      m.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return m;
  }
}
