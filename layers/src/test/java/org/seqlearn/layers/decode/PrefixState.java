package org.seqlearn.layers.decode;

import java.util.Arrays;

/** A test decoder state: each row's sentence and the tokens it has consumed (start excluded). */
final class PrefixState implements DecoderState<PrefixState> {

  final int[] sentences;
  /** Null for a row that has not run its first step yet. */
  final int[][] prefixes;

  PrefixState(int[] sentences, int[][] prefixes) {
    this.sentences = sentences;
    this.prefixes = prefixes;
  }

  static PrefixState of(int... sentences) {
    return new PrefixState(sentences.clone(), new int[sentences.length][]);
  }

  @Override
  public int rows() {
    return sentences.length;
  }

  @Override
  public PrefixState select(int[] indices) {
    int[] s = new int[indices.length];
    int[][] p = new int[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      s[i] = sentences[indices[i]];
      p[i] = prefixes[indices[i]];
    }
    return new PrefixState(s, p);
  }

  /** Row r after consuming {@code token}. */
  int[] extended(int r, int token) {
    if (prefixes[r] == null) {
      return new int[0];
    }
    int[] p = Arrays.copyOf(prefixes[r], prefixes[r].length + 1);
    p[p.length - 1] = token;
    return p;
  }
}
