package org.seqlearn.nlp.word2vec;

/**
 * Subsampling of frequent words (word2vec C and gensim): with {@code t = sample · N} for {@code
 * N} retained corpus words, a word of count {@code c} is kept with probability {@code
 * min(1, (sqrt(c / t) + 1) · t / c)}. A {@code sample} of 0 keeps every word.
 */
public final class Subsampling {

  private Subsampling() {}

  /**
   * The keep probability of a word.
   *
   * @param count the word's corpus count {@code c >= 1}
   * @param retainedWords {@code N}, the corpus words in the vocabulary
   * @param sample the threshold {@code sample >= 0} (1e-3 by default)
   */
  public static double keepProbability(long count, long retainedWords, double sample) {
    if (!(sample >= 0 && sample < 1)) {
      throw new IllegalArgumentException("sample must be in [0, 1), got " + sample);
    }
    if (sample == 0) {
      return 1.0;
    }
    double threshold = sample * retainedWords;
    double p = (Math.sqrt(count / threshold) + 1) * threshold / count;
    return Math.min(1.0, p);
  }

  /**
   * Keep thresholds for all words as 32-bit integers like gensim's {@code sample_int} ({@code
   * p · (2^32 − 1)} truncated): a word is kept when {@code (randomBits & 0xFFFFFFFFL) <=
   * threshold[w]}.
   */
  static long[] thresholds(long[] counts, double sample) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    long[] result = new long[counts.length];
    for (int w = 0; w < counts.length; w++) {
      result[w] = (long) (keepProbability(counts[w], total, sample) * 4294967295.0);
    }
    return result;
  }
}
