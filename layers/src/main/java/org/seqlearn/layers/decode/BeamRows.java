package org.seqlearn.layers.decode;

import java.util.Arrays;

/**
 * The bookkeeping of beam search's rows (sentences × beams): each row's tokens so far, their
 * log-probabilities, the running sum Σ log P and the attention coverage Σₜ α⟨t,i⟩. Rows are
 * rebuilt every step from the rows they extend; two sets of buffers are swapped so that nothing is
 * allocated per step.
 */
final class BeamRows {

  private final int capacity;
  private int[] tokens;
  private float[] tokenLogProbs;
  private double[] logProb;
  private double[] coverage;
  private int[] nextTokens;
  private float[] nextTokenLogProbs;
  private double[] nextLogProb;
  private double[] nextCoverage;
  private int sourceSteps = -1;

  /**
   * @param rows the most rows ever held
   * @param capacity the most tokens a row ever holds
   */
  BeamRows(int rows, int capacity) {
    this.capacity = capacity;
    tokens = new int[rows * capacity];
    nextTokens = new int[rows * capacity];
    tokenLogProbs = new float[rows * capacity];
    nextTokenLogProbs = new float[rows * capacity];
    logProb = new double[rows];
    nextLogProb = new double[rows];
    Arrays.fill(logProb, Double.NEGATIVE_INFINITY);
  }

  /** Row r's Σ log P; -∞ for a row that holds no hypothesis. */
  double logProb(int r) {
    return logProb[r];
  }

  void setLogProb(int r, double value) {
    logProb[r] = value;
  }

  int token(int r, int t) {
    return tokens[r * capacity + t];
  }

  /** Tx of the coverage, -1 before any attention was added. */
  int sourceSteps() {
    return sourceSteps;
  }

  /** Adds one step's attention {@code [rows, Tx]} to the coverage of the first {@code rows}. */
  void addAttention(float[] attention, int rows) {
    if (attention == null) {
      throw new IllegalStateException("a coverage penalty needs the decoder's attention weights,"
          + " but lastAttention() returned null");
    }
    if (attention.length < rows || attention.length % rows != 0) {
      throw new IllegalStateException("attention weights must be [rows = " + rows + ", Tx], got "
          + attention.length + " values");
    }
    int tx = attention.length / rows;
    if (sourceSteps < 0) {
      sourceSteps = tx;
      coverage = new double[logProb.length * tx];
      nextCoverage = new double[logProb.length * tx];
    } else if (tx != sourceSteps) {
      throw new IllegalStateException("attention weights changed from Tx = " + sourceSteps
          + " to " + tx + " between steps");
    }
    for (int i = 0; i < rows * tx; i++) {
      coverage[i] += attention[i];
    }
  }

  /**
   * GNMT's coverage penalty of row r, β·Σᵢ log(min(Σₜ α⟨t,i⟩, 1)) over the first
   * {@code sourceLength} source positions; 0 when no attention was added.
   */
  double coveragePenalty(int r, int sourceLength, double beta) {
    if (sourceSteps < 0 || beta == 0) {
      return 0;
    }
    double sum = 0;
    int n = Math.min(sourceLength, sourceSteps);
    for (int i = 0; i < n; i++) {
      sum += Math.log(Math.min(coverage[r * sourceSteps + i], 1.0));
    }
    return beta * sum;
  }

  /**
   * Next step's row {@code to} extends this step's row {@code from} (holding {@code length}
   * tokens) by {@code token}, whose log-probability is {@code tokenLogProb}, to a total of
   * {@code total}.
   */
  void extend(int to, int from, int length, int token, float tokenLogProb, double total) {
    System.arraycopy(tokens, from * capacity, nextTokens, to * capacity, length);
    System.arraycopy(tokenLogProbs, from * capacity, nextTokenLogProbs, to * capacity, length);
    nextTokens[to * capacity + length] = token;
    nextTokenLogProbs[to * capacity + length] = tokenLogProb;
    nextLogProb[to] = total;
    if (sourceSteps >= 0) {
      System.arraycopy(coverage, from * sourceSteps, nextCoverage, to * sourceSteps, sourceSteps);
    }
  }

  /** Next step's row {@code to} holds no hypothesis. */
  void clear(int to) {
    nextLogProb[to] = Double.NEGATIVE_INFINITY;
    if (sourceSteps >= 0) {
      Arrays.fill(nextCoverage, to * sourceSteps, (to + 1) * sourceSteps, 0);
    }
  }

  /** Makes the rows built by {@link #extend} and {@link #clear} the current ones. */
  void swap() {
    int[] t = tokens;
    tokens = nextTokens;
    nextTokens = t;
    float[] l = tokenLogProbs;
    tokenLogProbs = nextTokenLogProbs;
    nextTokenLogProbs = l;
    double[] p = logProb;
    logProb = nextLogProb;
    nextLogProb = p;
    double[] c = coverage;
    coverage = nextCoverage;
    nextCoverage = c;
  }

  /**
   * A finished hypothesis from row r's first {@code length} tokens, followed by {@code token}
   * when it is not -1 (the end token when {@code ended}).
   */
  Hypothesis finish(int r, int length, int token, float tokenLogProb, boolean ended,
      double total, double score) {
    int n = token < 0 ? length : length + 1;
    int contentLength = ended ? length : n;
    int[] out = Arrays.copyOfRange(tokens, r * capacity, r * capacity + contentLength);
    if (!ended && token >= 0) {
      out[length] = token;
    }
    float[] lp = Arrays.copyOfRange(tokenLogProbs, r * capacity, r * capacity + n);
    if (token >= 0) {
      lp[length] = tokenLogProb;
    }
    return new Hypothesis(out, ended, total, lp, score);
  }
}
