package org.seqlearn.attention.bleu;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Counts, for one segment and each n-gram order n, the hypothesis n-grams and how many of them
 * are matched after clipping: each distinct n-gram counts at most as often as it occurs in the
 * single reference where it occurs most (Papineni et al.'s modified precision numerator).
 *
 * <p>One open-addressing hash table keyed by the n-grams themselves: a 64-bit hash of the tokens'
 * own hashes, confirmed by comparing the tokens, so a collision never merges two n-grams. Token
 * hashes are computed from the characters with a key drawn once per process (not from
 * {@link String#hashCode}, whose collisions anyone can construct), so a hostile file cannot
 * turn the probing quadratic. Time is linear in the segment's tokens times the order, with no
 * per-n-gram object (the tokens are copied to arrays once, so any {@link List} is fine);
 * memory is that of the longest segment seen. Not thread-safe: give each
 * thread its own.
 */
final class NgramMatcher {
  private static final int EMPTY = -1;
  private static final long KEY = new SplittableRandom().nextLong() | 1;

  private int[] slots = new int[64];
  private long[] entryHash = new long[32];
  private int[] entrySource = new int[32];
  private int[] entryStart = new int[32];
  private int[] refMax = new int[32];
  private int[] refRun = new int[32];
  private int[] refStamp = new int[32];
  private int[] hypCount = new int[32];
  private int entries;
  private String[][] sources;
  private long[][] tokenHashes;
  /** Per source and start position, the hash of the n-gram of the current order n. */
  private long[][] ngramHashes;

  NgramMatcher() {
    Arrays.fill(slots, EMPTY);
  }

  /**
   * Fills {@code matches[n-1]} with the clipped n-gram matches and {@code totals[n-1]} with the
   * number of hypothesis n-grams (max(0, |hyp| − n + 1)), for n = 1 … {@code matches.length}.
   *
   * @param hypothesis the hypothesis tokens
   * @param references the reference token lists (at least zero; none means no match)
   */
  void count(List<String> hypothesis, List<? extends List<String>> references, int[] matches,
      int[] totals) {
    int refs = references.size();
    sources = new String[refs + 1][];
    tokenHashes = new long[refs + 1][];
    ngramHashes = new long[refs + 1][];
    int capacityNeeded = hypothesis.size();
    for (int r = 0; r < refs; r++) {
      sources[r] = references.get(r).toArray(new String[0]);
      capacityNeeded += sources[r].length;
    }
    sources[refs] = hypothesis.toArray(new String[0]);
    for (int r = 0; r <= refs; r++) {
      String[] tokens = sources[r];
      long[] h = new long[tokens.length];
      for (int i = 0; i < h.length; i++) {
        h[i] = tokenHash(tokens[i]);
      }
      tokenHashes[r] = h;
      ngramHashes[r] = new long[h.length];
    }
    ensureCapacity(capacityNeeded);
    for (int n = 1; n <= matches.length; n++) {
      clear();
      extendNgramHashes(n);
      for (int r = 0; r < refs; r++) {
        String[] ref = sources[r];
        for (int i = 0; i + n <= ref.length; i++) {
          int e = findOrAdd(r, i, n);
          if (refStamp[e] != r) {
            refStamp[e] = r;
            refRun[e] = 0;
          }
          if (++refRun[e] > refMax[e]) {
            refMax[e] = refRun[e];
          }
        }
      }
      int matched = 0;
      int total = Math.max(0, hypothesis.size() - n + 1);
      for (int i = 0; i < total; i++) {
        int e = findOrAdd(refs, i, n);
        if (++hypCount[e] <= refMax[e]) {
          matched++;
        }
      }
      matches[n - 1] = matched;
      totals[n - 1] = total;
    }
    sources = null;
    tokenHashes = null;
    ngramHashes = null;
  }

  /** Turns the hashes of the (n−1)-grams into those of the n-grams starting at each position. */
  private void extendNgramHashes(int n) {
    for (int r = 0; r < sources.length; r++) {
      long[] th = tokenHashes[r];
      long[] gh = ngramHashes[r];
      for (int i = 0; i + n <= th.length; i++) {
        gh[i] = mix(gh[i] * 0x9E3779B97F4A7C15L + th[i + n - 1]);
      }
    }
  }

  private static long tokenHash(String token) {
    long h = KEY;
    for (int i = 0; i < token.length(); i++) {
      h = Long.rotateLeft((h ^ token.charAt(i)) * 0x9E3779B97F4A7C15L, 31);
    }
    return mix(h ^ token.length());
  }

  /** MurmurHash3's 64-bit finaliser. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  private void clear() {
    Arrays.fill(slots, EMPTY);
    entries = 0;
  }

  private void ensureCapacity(int ngrams) {
    if (ngrams > entryHash.length) {
      int size = Math.max(ngrams, entryHash.length * 2);
      entryHash = new long[size];
      entrySource = new int[size];
      entryStart = new int[size];
      refMax = new int[size];
      refRun = new int[size];
      refStamp = new int[size];
      hypCount = new int[size];
    }
    int slotCount = slots.length;
    while (slotCount < 2 * ngrams + 2) {
      slotCount *= 2;
    }
    if (slotCount != slots.length) {
      slots = new int[slotCount];
    }
  }

  private int findOrAdd(int source, int start, int n) {
    String[] tokens = sources[source];
    long h = ngramHashes[source][start];
    int mask = slots.length - 1;
    int slot = (int) (h ^ (h >>> 32)) & mask;
    while (true) {
      int e = slots[slot];
      if (e == EMPTY) {
        e = entries++;
        slots[slot] = e;
        entryHash[e] = h;
        entrySource[e] = source;
        entryStart[e] = start;
        refMax[e] = 0;
        refRun[e] = 0;
        refStamp[e] = -1;
        hypCount[e] = 0;
        return e;
      }
      if (entryHash[e] == h && sameTokens(sources[entrySource[e]], entryStart[e], tokens, start,
          n)) {
        return e;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static boolean sameTokens(String[] a, int i, String[] b, int j, int n) {
    for (int k = 0; k < n; k++) {
      if (!a[i + k].equals(b[j + k])) {
        return false;
      }
    }
    return true;
  }
}
