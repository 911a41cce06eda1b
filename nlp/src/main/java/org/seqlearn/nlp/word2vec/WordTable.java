package org.seqlearn.nlp.word2vec;

import java.util.Arrays;

/**
 * An open-addressing hash table from words to dense ids, looked up by a {@code char[]} range so
 * that streaming a corpus allocates nothing per token. Also counts occurrences while a vocabulary
 * is being built. Not thread-safe for writes; concurrent {@link #find} on a table no longer
 * written to is safe.
 */
final class WordTable {

  private String[] keys = new String[0];
  private long[] counts = new long[0];
  private int[] slots;
  private int size;

  WordTable(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    keys = new String[Math.max(16, expected)];
    counts = new long[keys.length];
  }

  /** A read-only table over {@code words} (ids = positions). */
  static WordTable of(String[] words) {
    WordTable table = new WordTable(words.length);
    for (String w : words) {
      char[] chars = w.toCharArray();
      table.add(chars, 0, chars.length, 0);
    }
    return table;
  }

  int size() {
    return size;
  }

  String word(int id) {
    return keys[id];
  }

  long count(int id) {
    return counts[id];
  }

  /** The id of the word {@code buf[off .. off + len)}, or -1. */
  int find(char[] buf, int off, int len) {
    int mask = slots.length - 1;
    for (int s = hash(buf, off, len) & mask; ; s = (s + 1) & mask) {
      int id = slots[s];
      if (id < 0) {
        return -1;
      }
      if (matches(keys[id], buf, off, len)) {
        return id;
      }
    }
  }

  /** Adds {@code increment} to the word's count, inserting it first if absent; returns its id. */
  int add(char[] buf, int off, int len, long increment) {
    int mask = slots.length - 1;
    int s = hash(buf, off, len) & mask;
    for (; ; s = (s + 1) & mask) {
      int id = slots[s];
      if (id < 0) {
        break;
      }
      if (matches(keys[id], buf, off, len)) {
        counts[id] += increment;
        return id;
      }
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    int id = size++;
    keys[id] = new String(buf, off, len);
    counts[id] = increment;
    slots[s] = id;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return id;
  }

  private void rehash(int capacity) {
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      String k = keys[id];
      int s = hash(k) & mask;
      while (slots[s] >= 0) {
        s = (s + 1) & mask;
      }
      slots[s] = id;
    }
  }

  private static boolean matches(String key, char[] buf, int off, int len) {
    if (key.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (key.charAt(i) != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static int hash(char[] buf, int off, int len) {
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + buf[off + i];
    }
    return mix(h);
  }

  private static int hash(String s) {
    return mix(s.hashCode());
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
