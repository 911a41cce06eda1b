package org.seqlearn.layers.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Scores every complete output of a {@link TableDecoder.Table}, for comparison with searches. */
final class ExhaustiveSearch {

  record Scored(int[] tokens, double logProb, double score) {}

  private ExhaustiveSearch() {}

  /**
   * Every sequence of non-end tokens with a length in [minLength, maxLength] and no repeated
   * n-gram of {@code options.noRepeatNgramSize()}, followed by the end token, ranked by
   * {@code options.rank} (no coverage penalty), best first.
   */
  static List<Scored> rank(TableDecoder.Table table, int sentence, int v,
      BeamSearchOptions options, int maxLength) {
    List<Scored> all = new ArrayList<>();
    walk(table, sentence, v, options, maxLength, new int[0], 0, all);
    all.sort(Comparator.comparingDouble(Scored::score).reversed());
    return all;
  }

  private static void walk(TableDecoder.Table table, int sentence, int v,
      BeamSearchOptions options, int maxLength, int[] prefix, double logProb, List<Scored> out) {
    double[] lp = table.logProbs(sentence, prefix);
    int end = options.endToken();
    if (prefix.length >= options.minLength()) {
      double total = logProb + (float) lp[end];
      out.add(new Scored(prefix, total, options.rank(total, prefix.length + 1, 0)));
    }
    if (prefix.length == maxLength) {
      return;
    }
    for (int x = 0; x < v; x++) {
      if (x != end) {
        int[] next = Arrays.copyOf(prefix, prefix.length + 1);
        next[prefix.length] = x;
        if (!BeamSearchFeaturesTest.repeatsAnNgram(next, options.noRepeatNgramSize())) {
          walk(table, sentence, v, options, maxLength, next, logProb + (float) lp[x], out);
        }
      }
    }
  }
}
