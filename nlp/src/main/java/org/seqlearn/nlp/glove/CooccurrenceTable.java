package org.seqlearn.nlp.glove;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code (i, j)} word-id pairs to summed weights, with a fixed
 * capacity; {@link CooccurrenceCounter} spills it to disk when it is full.
 */
final class CooccurrenceTable {

  private static final long EMPTY = -1L;
  /** Bytes per slot: a long key and a double value. */
  static final int BYTES_PER_SLOT = 16;

  private final long[] keys;
  private final double[] values;
  private final int maxEntries;
  private int size;

  /** A table that accepts {@code maxEntries} distinct pairs (at most half full). */
  CooccurrenceTable(int maxEntries) {
    int capacity = Integer.highestOneBit(Math.max(4, maxEntries) * 2 - 1) << 1;
    this.keys = new long[capacity];
    this.values = new double[capacity];
    this.maxEntries = maxEntries;
    Arrays.fill(keys, EMPTY);
  }

  static long key(int i, int j) {
    return ((long) i << 32) | (j & 0xFFFFFFFFL);
  }

  int size() {
    return size;
  }

  boolean isFull() {
    return size >= maxEntries;
  }

  /** Adds {@code w} to entry {@code (i, j)}; the caller checks {@link #isFull()} first. */
  void add(int i, int j, double w) {
    long k = key(i, j);
    int mask = keys.length - 1;
    long h = k * 0x9E3779B97F4A7C15L;
    for (int s = (int) (h ^ (h >>> 32)) & mask; ; s = (s + 1) & mask) {
      if (keys[s] == k) {
        values[s] += w;
        return;
      }
      if (keys[s] == EMPTY) {
        keys[s] = k;
        values[s] = w;
        size++;
        return;
      }
    }
  }

  /** Entries sorted by key: parallel arrays. */
  record SortedRun(long[] keys, double[] values) {}

  /** The entries sorted by key; clears the table. */
  SortedRun drainSorted() {
    long[] k = new long[size];
    int n = 0;
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != EMPTY) {
        k[n++] = keys[s];
      }
    }
    Arrays.sort(k);
    double[] v = new double[size];
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != EMPTY) {
        v[Arrays.binarySearch(k, keys[s])] = values[s];
      }
    }
    Arrays.fill(keys, EMPTY);
    size = 0;
    return new SortedRun(k, v);
  }
}
