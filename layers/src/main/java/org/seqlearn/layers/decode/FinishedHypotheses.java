package org.seqlearn.layers.decode;

import java.util.ArrayList;
import java.util.List;

/** The n best finished hypotheses of one sentence, best first (ties: the earlier one first). */
final class FinishedHypotheses {

  private final int capacity;
  private final ArrayList<Hypothesis> best;

  FinishedHypotheses(int capacity) {
    this.capacity = capacity;
    this.best = new ArrayList<>(capacity + 1);
  }

  /** True when a hypothesis scoring {@code score} would enter the list. */
  boolean accepts(double score) {
    return best.size() < capacity || score > worstScore();
  }

  /** Adds {@code h} if it is among the n best so far. */
  void offer(Hypothesis h) {
    if (!accepts(h.score())) {
      return;
    }
    int at = best.size();
    while (at > 0 && h.score() > best.get(at - 1).score()) {
      at--;
    }
    best.add(at, h);
    if (best.size() > capacity) {
      best.remove(capacity);
    }
  }

  int size() {
    return best.size();
  }

  boolean isFull() {
    return best.size() == capacity;
  }

  /** The score of the last of the n best; -∞ while the list is not full. */
  double worstScore() {
    return isFull() ? best.get(capacity - 1).score() : Double.NEGATIVE_INFINITY;
  }

  List<Hypothesis> toList() {
    return List.copyOf(best);
  }
}
