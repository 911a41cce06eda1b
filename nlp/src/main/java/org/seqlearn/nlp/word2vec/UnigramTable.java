package org.seqlearn.nlp.word2vec;

/**
 * The negative-sampling table: word {@code w} fills a share {@code count(w)^power / Σ
 * count^power} of the table ({@code power = 0.75} in word2vec), so a uniform index draws words
 * from the smoothed unigram distribution in O(1). Built like word2vec's {@code InitUnigramTable}.
 */
public final class UnigramTable {

  /** The default table size: 10^7 entries (40 MB of ints). */
  public static final int DEFAULT_SIZE = 10_000_000;

  private final int[] table;

  /**
   * @param counts {@code [V]} word counts, {@code V >= 1}
   * @param power the exponent (0.75 in word2vec and gensim)
   * @param size the number of table entries, at least 1
   */
  public UnigramTable(long[] counts, double power, int size) {
    if (counts.length < 1) {
      throw new IllegalArgumentException("expected at least 1 word, got 0");
    }
    if (size < 1) {
      throw new IllegalArgumentException("table size must be >= 1, got " + size);
    }
    double total = 0;
    for (long c : counts) {
      total += Math.pow(c, power);
    }
    table = new int[size];
    int w = 0;
    double cumulative = Math.pow(counts[0], power) / total;
    for (int i = 0; i < size; i++) {
      table[i] = w;
      if ((i + 1) / (double) size > cumulative && w < counts.length - 1) {
        w++;
        cumulative += Math.pow(counts[w], power) / total;
      }
    }
  }

  /** The word at table entry {@code index}. */
  public int word(int index) {
    return table[index];
  }

  /** The number of entries. */
  public int size() {
    return table.length;
  }

  /** The word for 32 random bits (uniform index into the table). */
  int sample(int randomBits) {
    return table[(int) (((randomBits & 0xFFFFFFFFL) * table.length) >>> 32)];
  }
}
