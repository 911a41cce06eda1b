package org.seqlearn.layers.decode;

/**
 * Takes the largest entries of a {@code double[]} one at a time, largest first (ties: lower index
 * first), without sorting the whole array: building the max-heap costs O(n), each entry taken
 * O(log n). Top-k over a vocabulary of V then costs O(V + k log V) instead of a full sort's
 * O(V log V). Reusable: its index buffer grows to the largest n seen and is then kept.
 */
final class DescendingSelection {

  private int[] heap = new int[0];
  private double[] values;
  private int size;

  /**
   * Starts a selection over {@code values[0, n)}, skipping entries that are not greater than
   * {@code floor} (e.g. {@code -∞} for banned candidates, 0 for dropped probabilities).
   */
  void reset(double[] values, int n, double floor) {
    if (heap.length < n) {
      heap = new int[n];
    }
    this.values = values;
    size = 0;
    for (int i = 0; i < n; i++) {
      if (values[i] > floor) {
        heap[size++] = i;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i);
    }
  }

  /** How many entries are left. */
  int remaining() {
    return size;
  }

  /** The index of the largest entry left, removed from the selection; -1 when none is left. */
  int next() {
    if (size == 0) {
      return -1;
    }
    int top = heap[0];
    heap[0] = heap[--size];
    siftDown(0);
    return top;
  }

  private boolean before(int a, int b) {
    double va = values[a];
    double vb = values[b];
    return va > vb || (va == vb && a < b);
  }

  private void siftDown(int i) {
    int item = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], item)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = item;
  }
}
