package org.seqlearn.audio.ctc.lm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A back-off n-gram language model as ARPA files hold it: for each order {@code k ≤ n} and each
 * stored k-gram {@code h w}, {@code log10 P(w | h)} and the back-off weight {@code log10 b(h w)}.
 * A query for an unstored {@code h w} backs off: {@code log10 P(w | h) = log10 b(h) + log10 P(w |
 * h[1:])}. An interpolated model (Kneser-Ney, Witten-Bell) is stored exactly this way: the stored
 * probability is the interpolated one and the back-off weight is the interpolation weight {@code
 * γ(h)}.
 *
 * <p>Tokens are strings without whitespace; an n-gram's key is its tokens joined by single spaces.
 * A word that is not a unigram gets the {@code <unk>} unigram's probability when there is one,
 * else {@link #ZERO_LOG10} (the ARPA convention for a zero probability).
 */
public final class NgramModel {
  /** The {@code log10} written for a zero probability (SRILM's and KenLM's convention). */
  public static final double ZERO_LOG10 = -99;

  private final List<Map<String, double[]>> orders;

  /**
   * @param orders for k = 1..n, the k-grams by key, each {@code {log10 P, log10 backoff}}
   */
  NgramModel(List<Map<String, double[]>> orders) {
    if (orders.isEmpty()) {
      throw new IllegalArgumentException("expected at least the unigram order, got none");
    }
    List<Map<String, double[]>> copy = new ArrayList<>();
    for (Map<String, double[]> m : orders) {
      copy.add(Collections.unmodifiableMap(new HashMap<>(m)));
    }
    this.orders = Collections.unmodifiableList(copy);
  }

  /** The highest order {@code n}. */
  public int order() {
    return orders.size();
  }

  /** Number of stored k-grams. */
  public int size(int k) {
    return orders.get(k - 1).size();
  }

  /** The stored k-grams by key, each {@code {log10 P, log10 backoff}} (unmodifiable). */
  Map<String, double[]> entries(int k) {
    return orders.get(k - 1);
  }

  /** Whether the unigram {@code token} is stored. */
  public boolean knows(String token) {
    return orders.get(0).containsKey(token);
  }

  /**
   * {@code log10 P(word | context)} by back-off; only the last {@code n - 1} context tokens are
   * used.
   */
  public double log10Prob(List<String> context, String word) {
    int n = Math.min(context.size(), order() - 1);
    double backoff = 0;
    for (int k = n; k >= 0; k--) {
      String history = String.join(" ", context.subList(context.size() - k, context.size()));
      double[] hit = orders.get(k).get(k == 0 ? word : history + " " + word);
      if (hit != null) {
        return backoff + hit[0];
      }
      if (k > 0) {
        double[] h = orders.get(k - 1).get(history);
        if (h != null) {
          backoff += h[1];
        }
      }
    }
    double[] unk = orders.get(0).get("<unk>");
    return backoff + (unk != null ? unk[0] : ZERO_LOG10);
  }
}
