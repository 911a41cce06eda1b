package org.seqlearn.audio.ctc.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw n-gram counts of every order {@code 1..n}, counted the way NLTK's {@code
 * padded_everygram_pipeline} does: each sentence is padded with {@code n - 1} {@code <s>} on the
 * left and {@code n - 1} {@code </s>} on the right, then every k-gram ({@code k ≤ n}) at every
 * position is counted. A decoder therefore starts from the context {@code <s> … <s>} ({@code n - 1}
 * times) and ends with {@code P(</s> | …)}.
 */
public final class NgramCounts {
  /** Sentence start and end pads. */
  public static final String BOS = "<s>";

  public static final String EOS = "</s>";

  private final int order;
  private final List<Map<String, Long>> counts = new ArrayList<>();

  /** Empty counts for n-grams up to {@code order}. */
  public NgramCounts(int order) {
    if (order < 1 || order > 10) {
      throw new IllegalArgumentException("expected an order in [1, 10], got " + order);
    }
    this.order = order;
    for (int k = 0; k < order; k++) {
      counts.add(new HashMap<>());
    }
  }

  /** Counts one sentence of tokens (none may be empty or contain whitespace). */
  public void add(List<String> sentence) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < order - 1; i++) {
      padded.add(BOS);
    }
    for (String token : sentence) {
      if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException(
            "expected tokens without whitespace, got '" + token + "'");
      }
      padded.add(token);
    }
    for (int i = 0; i < order - 1; i++) {
      padded.add(EOS);
    }
    for (int start = 0; start < padded.size(); start++) {
      for (int k = 1; k <= order && start + k <= padded.size(); k++) {
        String key = String.join(" ", padded.subList(start, start + k));
        counts.get(k - 1).merge(key, 1L, Long::sum);
      }
    }
  }

  public int order() {
    return order;
  }

  /** The k-grams seen, with their counts (live view; do not modify). */
  Map<String, Long> of(int k) {
    return counts.get(k - 1);
  }
}
