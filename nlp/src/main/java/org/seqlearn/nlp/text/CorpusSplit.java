package org.seqlearn.nlp.text;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.random.Rng;

/**
 * A corpus split into training and held-out sequences (e.g. names or lines for a character
 * language model).
 *
 * @param training the sequences the model learns from
 * @param heldOut the sequences it is scored on (bits per character), never trained on
 */
public record CorpusSplit(List<String> training, List<String> heldOut) {

  /**
   * Shuffles a copy of {@code corpus} with {@code seed} (Fisher–Yates) and holds out the first
   * {@code round(fraction · n)} sequences (at least one, and at least one left for training).
   *
   * @throws IllegalArgumentException if the corpus has fewer than 2 sequences or {@code fraction}
   *     is not in {@code (0, 1)}
   */
  public static CorpusSplit of(List<String> corpus, double fraction, long seed) {
    if (corpus.size() < 2) {
      throw new IllegalArgumentException("expected at least 2 sequences to split, got "
          + corpus.size());
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + fraction);
    }
    List<String> order = new ArrayList<>(corpus);
    Rng rng = new Rng(seed);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      String tmp = order.get(i);
      order.set(i, order.get(j));
      order.set(j, tmp);
    }
    int held = (int) Math.max(1, Math.min(order.size() - 1, Math.round(fraction * order.size())));
    return new CorpusSplit(List.copyOf(order.subList(held, order.size())),
        List.copyOf(order.subList(0, held)));
  }
}
