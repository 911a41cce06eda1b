package org.seqlearn.nlp.vectors;

import java.util.Arrays;

/**
 * Keeps the {@code k} largest scores seen so far (a bounded min-heap on parallel primitive arrays,
 * no boxing). Among equal scores the lower index ranks first.
 */
final class TopK {

  private final int capacity;
  private final int[] indices;
  private final float[] scores;
  private int size;

  TopK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    this.capacity = k;
    this.indices = new int[k];
    this.scores = new float[k];
  }

  /** Offers a candidate; NaN scores are ignored. */
  void offer(int index, float score) {
    if (capacity == 0 || Float.isNaN(score)) {
      return;
    }
    if (size < capacity) {
      indices[size] = index;
      scores[size] = score;
      siftUp(size++);
    } else if (worse(0, index, score)) {
      indices[0] = index;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** Offers every kept entry of this heap to {@code other}. */
  void drainInto(TopK other) {
    for (int i = 0; i < size; i++) {
      other.offer(indices[i], scores[i]);
    }
  }

  /** The kept indices, best first. */
  int[] sortedIndices() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> scores[a] != scores[b]
        ? Float.compare(scores[b], scores[a]) : Integer.compare(indices[a], indices[b]));
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      result[i] = indices[order[i]];
    }
    return result;
  }

  /** Whether the heap entry at {@code slot} ranks below the candidate. */
  private boolean worse(int slot, int index, float score) {
    return scores[slot] < score || (scores[slot] == score && indices[slot] > index);
  }

  private boolean below(int a, int b) {
    return worse(a, indices[b], scores[b]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!below(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int smallest = left;
      int right = left + 1;
      if (right < size && below(right, left)) {
        smallest = right;
      }
      if (!below(smallest, i)) {
        return;
      }
      swap(i, smallest);
      i = smallest;
    }
  }

  private void swap(int a, int b) {
    int ti = indices[a];
    indices[a] = indices[b];
    indices[b] = ti;
    float ts = scores[a];
    scores[a] = scores[b];
    scores[b] = ts;
  }
}
