package org.seqlearn.audio.ctc.lm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates an interpolated {@link NgramModel} from {@link NgramCounts}, with NLTK's definitions
 * ({@code nltk.lm.KneserNeyInterpolated}, {@code WittenBellInterpolated}):
 *
 * <pre>
 *   P_k(w | h) = α(h w) + γ(h) · P_{k-1}(w | h[1:])       (h of length k - 1; P_1 as below)
 *   Kneser-Ney, k = n:  α = max(c(h w) - D, 0) / c(h •),      γ = D · N1+(h •) / c(h •)
 *   Kneser-Ney, k < n:  α = max(N1+(• h w) - D, 0) / N1+(• h •), γ = D · N1+(h •) / N1+(• h •)
 *   Kneser-Ney, k = 1:  P_1(w) = N1+(• w) / N1+(• •)
 *   Witten-Bell:        γ = N1+(h •) / (N1+(h •) + c(h •)),   α = (1 - γ) · c(h w) / c(h •),
 *                       P_1(w) = c(w) / N
 * </pre>
 *
 * <p>where {@code c} are raw counts, {@code N1+(h •)} the number of distinct words seen after
 * {@code h} and {@code N1+(• h w)} the number of distinct words seen before {@code h w}. The
 * discount is one fixed {@code D} for every order (NLTK's default 0.1), not modified Kneser-Ney's
 * three count-of-count discounts (KenLM, SRILM {@code -kndiscount}); and like NLTK the lower-order
 * {@code γ} counts the words after {@code h} in raw counts, so a lower-order distribution whose
 * context starts a sentence ({@code <s>}) may not sum to exactly one. The result is stored as ARPA
 * stores interpolated models: {@code P_k} for each seen k-gram, {@code γ} as its back-off weight.
 */
public final class NgramEstimator {
  private NgramEstimator() {}

  /** Kneser-Ney with discount {@code D} in (0, 1). */
  public static NgramModel kneserNey(NgramCounts counts, double discount) {
    if (!(discount > 0 && discount < 1)) {
      throw new IllegalArgumentException("expected a discount in (0, 1), got " + discount);
    }
    return estimate(counts, Smoothing.KNESER_NEY, discount);
  }

  /** Witten-Bell. */
  public static NgramModel wittenBell(NgramCounts counts) {
    return estimate(counts, Smoothing.WITTEN_BELL, 0);
  }

  private static NgramModel estimate(NgramCounts counts, Smoothing smoothing, double discount) {
    int n = counts.order();
    if (counts.of(1).isEmpty()) {
      throw new IllegalArgumentException("expected at least one counted sentence, got none");
    }
    // Per order k: c(h •) and N1+(h •) by context h (the first k - 1 tokens).
    List<Map<String, long[]>> context = new ArrayList<>();
    // Per order k < n: N1+(• h w) by k-gram, and N1+(• h •) by context.
    List<Map<String, Long>> continuation = new ArrayList<>();
    List<Map<String, Long>> continuationTotal = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      Map<String, long[]> ctx = new HashMap<>();
      for (Map.Entry<String, Long> e : counts.of(k).entrySet()) {
        long[] s = ctx.computeIfAbsent(history(e.getKey()), h -> new long[2]);
        s[0] += e.getValue();
        s[1]++;
      }
      context.add(ctx);
      Map<String, Long> cont = new HashMap<>();
      Map<String, Long> contTotal = new HashMap<>();
      if (k < n) {
        for (String higher : counts.of(k + 1).keySet()) {
          String suffix = higher.substring(higher.indexOf(' ') + 1);
          cont.merge(suffix, 1L, Long::sum);
          contTotal.merge(history(suffix), 1L, Long::sum);
        }
      }
      continuation.add(cont);
      continuationTotal.add(contTotal);
    }
    List<Map<String, double[]>> orders = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      Map<String, double[]> probs = new HashMap<>();
      for (Map.Entry<String, Long> e : counts.of(k).entrySet()) {
        String key = e.getKey();
        double p;
        if (k == 1) {
          p = smoothing == Smoothing.KNESER_NEY
              ? ratio(continuation.get(0).getOrDefault(key, 0L),
                  continuationTotal.get(0).getOrDefault("", 0L))
              : ratio(e.getValue(), context.get(0).get("")[0]);
        } else {
          String h = history(key);
          double[] ag = alphaGamma(smoothing, discount, k == n, e.getValue(),
              continuation.get(k - 1).getOrDefault(key, 0L),
              continuationTotal.get(k - 1).getOrDefault(h, 0L), context.get(k - 1).get(h));
          double lower = probs(orders, k - 1, key.substring(key.indexOf(' ') + 1));
          p = ag[0] + ag[1] * lower;
        }
        probs.put(key, new double[] {p, 1});
      }
      orders.add(probs);
    }
    // Back-off weights: γ of each k-gram as a context of order k + 1 (1 when nothing follows it).
    for (int k = 1; k < n; k++) {
      for (Map.Entry<String, double[]> e : orders.get(k - 1).entrySet()) {
        long[] ctx = context.get(k).get(e.getKey());
        if (ctx != null) {
          e.getValue()[1] = alphaGamma(smoothing, discount, k + 1 == n, 0, 0,
              continuationTotal.get(k).getOrDefault(e.getKey(), 0L), ctx)[1];
        }
      }
    }
    List<Map<String, double[]>> logs = new ArrayList<>();
    for (Map<String, double[]> probs : orders) {
      Map<String, double[]> out = new HashMap<>();
      probs.forEach((key, v) -> out.put(key, new double[] {log10(v[0]), log10(v[1])}));
      logs.add(out);
    }
    return new NgramModel(logs);
  }

  /**
   * {@code {α, γ}} of one k-gram {@code h w} ({@code count = c(h w)}, {@code cont = N1+(• h w)},
   * {@code contTotal = N1+(• h •)}, {@code ctx = {c(h •), N1+(h •)}}).
   */
  private static double[] alphaGamma(Smoothing smoothing, double discount, boolean highest,
      long count, long cont, long contTotal, long[] ctx) {
    if (smoothing == Smoothing.WITTEN_BELL) {
      double gamma = ctx[1] / (double) (ctx[1] + ctx[0]);
      return new double[] {(1 - gamma) * count / ctx[0], gamma};
    }
    double num = highest ? count : cont;
    double total = highest ? ctx[0] : contTotal;
    if (total == 0) {
      return new double[] {0, 1};
    }
    return new double[] {Math.max(num - discount, 0) / total, discount * ctx[1] / total};
  }

  private static double probs(List<Map<String, double[]>> orders, int k, String key) {
    double[] v = orders.get(k - 1).get(key);
    if (v == null) {
      throw new IllegalStateException("counts miss the suffix " + key + " of a higher n-gram");
    }
    return v[0];
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : a / (double) b;
  }

  private static double log10(double p) {
    return p > 0 ? Math.log10(p) : NgramModel.ZERO_LOG10;
  }

  /** The first k - 1 tokens of a k-gram key ("" for a unigram). */
  static String history(String key) {
    int cut = key.lastIndexOf(' ');
    return cut < 0 ? "" : key.substring(0, cut);
  }
}
