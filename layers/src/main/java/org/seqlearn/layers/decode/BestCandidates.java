package org.seqlearn.layers.decode;

/**
 * The k best of a stream of (score, index) candidates offered in ascending index order, kept in a
 * bounded min-heap: a candidate not better than the worst kept costs one comparison, so choosing
 * the B best of B·V beam candidates is one pass with no buffer of B·V. Ties go to the lower
 * index, like {@link DescendingSelection}. Reusable.
 */
final class BestCandidates {

  private final int capacity;
  private final double[] scores;
  private final int[] indices;
  private int size;

  BestCandidates(int capacity) {
    this.capacity = capacity;
    scores = new double[capacity];
    indices = new int[capacity];
  }

  void clear() {
    size = 0;
  }

  /** The score a candidate must beat to enter: -∞ until k are kept. */
  double threshold() {
    return size < capacity ? Double.NEGATIVE_INFINITY : scores[0];
  }

  /**
   * Offers a candidate; its index must be larger than every index offered since {@link #clear}
   * (so an equal score loses to the kept one). -∞ scores are never kept.
   */
  void offer(double score, int index) {
    if (!(score > threshold())) {
      return;
    }
    if (size < capacity) {
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!worse(score, index, scores[parent], indices[parent])) {
          break;
        }
        scores[i] = scores[parent];
        indices[i] = indices[parent];
        i = parent;
      }
      scores[i] = score;
      indices[i] = index;
    } else {
      siftDown(score, index);
    }
  }

  /** a is worse than b: lower score, or the same score and a higher index. */
  private static boolean worse(double sa, int ia, double sb, int ib) {
    return sa < sb || (sa == sb && ia > ib);
  }

  private void siftDown(double score, int index) {
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size
          && worse(scores[child + 1], indices[child + 1], scores[child], indices[child])) {
        child++;
      }
      if (!worse(scores[child], indices[child], score, index)) {
        break;
      }
      scores[i] = scores[child];
      indices[i] = indices[child];
      i = child;
    }
    scores[i] = score;
    indices[i] = index;
  }

  /**
   * Writes the kept indices, best first (ties: lower index first), into {@code out}, and empties
   * the heap.
   *
   * @return how many were kept
   */
  int drainBestFirst(int[] out) {
    int n = size;
    // insertion sort of at most k entries: k is the beam width, small
    for (int a = 0; a < n; a++) {
      out[a] = a;
    }
    for (int a = 1; a < n; a++) {
      int slot = out[a];
      int b = a - 1;
      while (b >= 0 && worse(scores[out[b]], indices[out[b]], scores[slot], indices[slot])) {
        out[b + 1] = out[b];
        b--;
      }
      out[b + 1] = slot;
    }
    for (int a = 0; a < n; a++) {
      out[a] = indices[out[a]];
    }
    size = 0;
    return n;
  }
}
