package org.seqlearn.nlp.word2vec;

import java.util.Arrays;

/**
 * Draws negative samples from the smoothed unigram distribution {@code count(w)^power / Σ
 * count^power} with Walker's alias method (Vose's construction): one random column and one coin
 * per draw, O(1). The table holds one {@code long} per word (a 32-bit acceptance threshold and
 * the column's alias), so for a 70,000-word vocabulary it is 560 KB and stays in cache, where
 * word2vec's 10^7-entry {@link UnigramTable} (40 MB) misses on almost every draw and evicts the
 * weight rows. It is also exact up to 2^-32 per word instead of the table's 1/size quantisation.
 */
final class AliasTable {

  private static final double TWO_32 = 4294967296.0;

  /** Per column: acceptance threshold (unsigned, upper 32 bits) and alias word (lower 32). */
  private final long[] cells;

  /**
   * @param counts {@code [V]} word counts, {@code V >= 1}, not all zero
   * @param power the exponent (0.75 in word2vec and gensim)
   */
  AliasTable(long[] counts, double power) {
    int n = counts.length;
    if (n < 1) {
      throw new IllegalArgumentException("expected at least 1 word, got 0");
    }
    double total = 0;
    double[] scaled = new double[n];
    for (int w = 0; w < n; w++) {
      scaled[w] = Math.pow(counts[w], power);
      total += scaled[w];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("expected a positive count, got all zero");
    }
    for (int w = 0; w < n; w++) {
      scaled[w] *= n / total;
    }
    int[] alias = new int[n];
    double[] accept = new double[n];
    Arrays.fill(accept, 1.0);
    int[] small = new int[n];
    int[] large = new int[n];
    int smalls = 0;
    int larges = 0;
    for (int w = 0; w < n; w++) {
      alias[w] = w;
      if (scaled[w] < 1.0) {
        small[smalls++] = w;
      } else {
        large[larges++] = w;
      }
    }
    while (smalls > 0 && larges > 0) {
      int s = small[--smalls];
      int l = large[larges - 1];
      accept[s] = scaled[s];
      alias[s] = l;
      scaled[l] -= 1.0 - scaled[s];
      if (scaled[l] < 1.0) {
        larges--;
        small[smalls++] = l;
      }
    }
    // what is left has probability 1 up to rounding: accept[] stays 1.0 for it
    cells = new long[n];
    for (int w = 0; w < n; w++) {
      long threshold = (long) Math.min(TWO_32 - 1, Math.floor(accept[w] * TWO_32));
      cells[w] = (threshold << 32) | (alias[w] & 0xFFFFFFFFL);
    }
  }

  /** The number of words {@code V}. */
  int size() {
    return cells.length;
  }

  /** A word for 64 random bits: the upper 32 pick the column, the lower 32 are the coin. */
  int sample(long randomBits) {
    int column = (int) (((randomBits >>> 32) * cells.length) >>> 32);
    long cell = cells[column];
    return (randomBits & 0xFFFFFFFFL) < (cell >>> 32) ? column : (int) cell;
  }

  /** The probability with which {@link #sample} returns word {@code w} (for tests). */
  double probability(int w) {
    double p = 0;
    for (int c = 0; c < cells.length; c++) {
      double keep = (cells[c] >>> 32) / TWO_32;
      if (c == w) {
        p += keep;
      }
      if ((int) cells[c] == w) {
        p += 1 - keep;
      }
    }
    return p / cells.length;
  }
}
