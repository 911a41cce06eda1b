package org.seqlearn.nlp.word2vec;

/**
 * The Huffman tree of hierarchical softmax, built like word2vec's {@code CreateBinaryTree}: the
 * two least frequent nodes are merged repeatedly (two pointers over the count-sorted leaves and
 * the merged nodes, so the build is linear). Word {@code w}'s path from the root has {@link
 * #codeLength(int)} inner nodes {@link #point(int, int)} (ids {@code 0 .. V-2}, the root is {@code
 * V-2}) and at each the branch bit {@link #code(int, int)}. Frequent words get short codes.
 *
 * <p>Paths are stored flat: word {@code w} owns entries {@code [offset(w), offset(w + 1))} of
 * {@link #codes()} and {@link #points()}.
 */
public final class HuffmanTree {

  private final int[] offsets;
  private final byte[] codes;
  private final int[] points;

  private HuffmanTree(int[] offsets, byte[] codes, int[] points) {
    this.offsets = offsets;
    this.codes = codes;
    this.points = points;
  }

  /**
   * Builds the tree for counts sorted in non-increasing order.
   *
   * @param counts {@code [V]} word counts, most frequent first; {@code V >= 1} (a single word
   *     gets an empty path)
   * @throws IllegalArgumentException if the counts are empty, not positive, or increase
   */
  public static HuffmanTree build(long[] counts) {
    int v = counts.length;
    if (v < 1) {
      throw new IllegalArgumentException("expected at least 1 word, got 0");
    }
    for (int i = 0; i < v; i++) {
      if (counts[i] < 1 || (i > 0 && counts[i] > counts[i - 1])) {
        throw new IllegalArgumentException("expected positive, non-increasing counts; count #" + i
            + " is " + counts[i] + (i > 0 ? " after " + counts[i - 1] : ""));
      }
    }
    if (v == 1) {
      return new HuffmanTree(new int[] {0, 0}, new byte[0], new int[0]);
    }
    long[] count = new long[2 * v - 1];
    int[] parent = new int[2 * v - 1];
    byte[] binary = new byte[2 * v - 1];
    System.arraycopy(counts, 0, count, 0, v);
    java.util.Arrays.fill(count, v, 2 * v - 1, Long.MAX_VALUE);
    int pos1 = v - 1;
    int pos2 = v;
    for (int a = 0; a < v - 1; a++) {
      int min1;
      int min2;
      if (pos1 >= 0 && count[pos1] < count[pos2]) {
        min1 = pos1--;
      } else {
        min1 = pos2++;
      }
      if (pos1 >= 0 && count[pos1] < count[pos2]) {
        min2 = pos1--;
      } else {
        min2 = pos2++;
      }
      count[v + a] = count[min1] + count[min2];
      parent[min1] = v + a;
      parent[min2] = v + a;
      binary[min2] = 1;
    }
    int root = 2 * v - 2;
    int[] offsets = new int[v + 1];
    for (int a = 0; a < v; a++) {
      int depth = 0;
      for (int b = a; b != root; b = parent[b]) {
        depth++;
      }
      offsets[a + 1] = offsets[a] + depth;
    }
    byte[] codes = new byte[offsets[v]];
    int[] points = new int[offsets[v]];
    for (int a = 0; a < v; a++) {
      int end = offsets[a + 1];
      int d = end - 1;
      for (int b = a; b != root; b = parent[b]) {
        codes[d] = binary[b];
        points[d] = parent[b] - v;
        d--;
      }
    }
    return new HuffmanTree(offsets, codes, points);
  }

  /** The number of words {@code V}. */
  public int size() {
    return offsets.length - 1;
  }

  /** The length of word {@code w}'s code (its depth in the tree). */
  public int codeLength(int w) {
    return offsets[w + 1] - offsets[w];
  }

  /** The branch bit (0 or 1) taken at depth {@code d} on word {@code w}'s path. */
  public int code(int w, int d) {
    return codes[offsets[w] + d];
  }

  /** The inner node (0 .. V-2) at depth {@code d} on word {@code w}'s path (d = 0: the root). */
  public int point(int w, int d) {
    return points[offsets[w] + d];
  }

  int offset(int w) {
    return offsets[w];
  }

  byte[] codes() {
    return codes;
  }

  int[] points() {
    return points;
  }
}
