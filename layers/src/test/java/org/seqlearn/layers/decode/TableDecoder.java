package org.seqlearn.layers.decode;

import java.util.Arrays;
import org.seqlearn.core.random.Rng;

/**
 * A hand-built {@link StepDecoder}: the log-probabilities of the next token are a deterministic
 * function of the sentence and the prefix of tokens emitted so far.
 */
final class TableDecoder implements StepDecoder<PrefixState> {

  /** The model: log-probabilities {@code [V]} of the next token after {@code prefix}. */
  interface Table {
    double[] logProbs(int sentence, int[] prefix);
  }

  /** Attention weights {@code [Tx]} of the step that scores the token after {@code prefix}. */
  interface Attention {
    float[] weights(int sentence, int[] prefix);
  }

  private final int v;
  private final Table table;
  private final Attention attention;
  private float[] lastAttention;
  private boolean normalised = true;
  int calls;
  int rowsSeen;

  TableDecoder(int v, Table table) {
    this(v, table, null);
  }

  TableDecoder(int v, Table table, Attention attention) {
    this.v = v;
    this.table = table;
    this.attention = attention;
  }

  @Override
  public int vocabularySize() {
    return v;
  }

  @Override
  public PrefixState step(PrefixState state, int[] lastTokens, float[] logProbs) {
    calls++;
    int rows = state.rows();
    rowsSeen += rows;
    int[][] next = new int[rows][];
    int tx = -1;
    for (int r = 0; r < rows; r++) {
      next[r] = state.extended(r, lastTokens[r]);
      double[] lp = table.logProbs(state.sentences[r], next[r]);
      for (int x = 0; x < v; x++) {
        logProbs[r * v + x] = (float) lp[x];
      }
      if (attention != null) {
        float[] a = attention.weights(state.sentences[r], next[r]);
        if (r == 0) {
          tx = a.length;
          lastAttention = new float[rows * tx];
        }
        System.arraycopy(a, 0, lastAttention, r * tx, tx);
      }
    }
    return new PrefixState(state.sentences.clone(), next);
  }

  /** Declares the table's rows unnormalised logits. */
  TableDecoder logits() {
    normalised = false;
    return this;
  }

  @Override
  public boolean normalised() {
    return normalised;
  }

  @Override
  public float[] lastAttention() {
    return lastAttention;
  }

  /** log-softmax of {@code logits}, in double. */
  static double[] logSoftmax(double... logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double total = 0;
    for (double z : logits) {
      total += Math.exp(z - max);
    }
    double lse = max + Math.log(total);
    double[] out = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      out[i] = logits[i] - lse;
    }
    return out;
  }

  /** log of the given probabilities. */
  static double[] logOf(double... p) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Math.log(p[i]);
    }
    return out;
  }

  /**
   * A random model: for each (sentence, prefix), logits drawn from N(0, scale²) with a generator
   * seeded by the seed, the sentence and the prefix.
   */
  static Table random(long seed, int v, double scale) {
    return (sentence, prefix) -> {
      long h = seed * 31 + sentence;
      h = h * 1_000_003 + Arrays.hashCode(prefix) + 7L * prefix.length;
      Rng rng = new Rng(h);
      double[] z = new double[v];
      for (int i = 0; i < v; i++) {
        z[i] = scale * rng.nextGaussian();
      }
      return logSoftmax(z);
    };
  }
}
