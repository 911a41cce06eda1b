package org.seqlearn.nlp.word2vec;

import java.util.Arrays;

/**
 * Where to cut a {@link TokenCache} file into regions of about equal numbers of words, one per
 * training thread: records, at line ends, the file offset and the words written before it, and
 * picks the cuts from those marks. Memory stays bounded: when the marks fill their arrays, every
 * other one is dropped and later marks are taken half as often, so a cut is at most a few times
 * {@code words / }{@value #MAX_MARKS} words from its ideal place.
 */
final class CacheRegions {

  static final int MAX_MARKS = 1 << 16;

  private long[] offsets = new long[256];
  private long[] words = new long[256];
  private int marks;
  /** Marks are at least this many words apart. */
  private long spacing = 1;

  /** A line end: the offset just after it in the cache, and the words written before it. */
  void lineEnd(long offset, long wordsBefore) {
    if (marks > 0 && wordsBefore - words[marks - 1] < spacing) {
      return;
    }
    if (marks == offsets.length) {
      if (marks == MAX_MARKS) {
        for (int i = 1; 2 * i < marks; i++) {
          offsets[i] = offsets[2 * i];
          words[i] = words[2 * i];
        }
        marks = (marks + 1) / 2;
        spacing *= 2;
      } else {
        offsets = Arrays.copyOf(offsets, marks * 2);
        words = Arrays.copyOf(words, marks * 2);
      }
    }
    offsets[marks] = offset;
    words[marks] = wordsBefore;
    marks++;
  }

  /**
   * The start offsets of {@code parts} regions and the end: {@code parts + 1} non-decreasing
   * offsets from 0 to {@code end}. Region {@code r} starts at the first mark with at least
   * {@code r · totalWords / parts} words before it (or at {@code end} if there is none).
   */
  long[] starts(int parts, long totalWords, long end) {
    long[] starts = new long[parts + 1];
    int m = 0;
    for (int r = 1; r < parts; r++) {
      long target = (long) ((double) totalWords * r / parts);
      while (m < marks && words[m] < target) {
        m++;
      }
      starts[r] = m < marks ? Math.max(offsets[m], starts[r - 1]) : end;
    }
    starts[parts] = end;
    return starts;
  }
}
