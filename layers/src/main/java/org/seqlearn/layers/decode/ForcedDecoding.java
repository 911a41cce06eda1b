package org.seqlearn.layers.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.GradMode;

/**
 * What a model says about given output sequences: each is fed to the decoder token by token
 * (teacher forcing) and the log-probability of every token is read off, so that
 * log P(y|x) = Σₜ log P(y⟨t⟩ | x, y⟨1⟩…y⟨t−1⟩). Batched like the searches: one
 * {@link StepDecoder#step} call per position for all sequences still running.
 *
 * @param tokenLogProbs log P of each given token {@code [n]}
 * @param logProb their sum, in double
 * @param coverage Σₜ α⟨t,i⟩ over the steps that scored the tokens {@code [Tx]}, or null when the
 *     decoder reports no attention
 */
public record ForcedDecoding(float[] tokenLogProbs, double logProb, double[] coverage) {

  /**
   * log P(y|x) of one sequence.
   *
   * @param initial a state with one row
   * @param tokens y, ending with the end token when the sequence is complete
   */
  public static <S extends DecoderState<S>> double score(StepDecoder<S> decoder, S initial,
      int startToken, int[] tokens) {
    return run(decoder, initial, startToken, new int[][] {tokens}).get(0).logProb();
  }

  /**
   * Forces one sequence per row of {@code initial}.
   *
   * @param initial a state with one row per sequence ({@code [batch]} rows)
   * @param startToken the token fed at the first step
   * @param tokens {@code [batch][n_b]} the sequences (with their end token when complete); the
   *     lengths may differ
   * @return one result per sequence
   * @throws IllegalArgumentException if the counts differ or a token is outside the vocabulary
   */
  public static <S extends DecoderState<S>> List<ForcedDecoding> run(StepDecoder<S> decoder,
      S initial, int startToken, int[][] tokens) {
    BeamSearch.requireNormalised(decoder);
    int batch = initial.rows();
    int v = decoder.vocabularySize();
    if (tokens.length != batch) {
      throw new IllegalArgumentException("expected " + batch + " sequences (one per row of the"
          + " initial state), got " + tokens.length);
    }
    if (startToken < 0 || startToken >= v) {
      throw new IllegalArgumentException("startToken must be in [0, V = " + v + "), got "
          + startToken);
    }
    int longest = 0;
    for (int s = 0; s < batch; s++) {
      for (int x : tokens[s]) {
        if (x < 0 || x >= v) {
          throw new IllegalArgumentException("token of sequence " + s + " must be in [0, V = "
              + v + "), got " + x);
        }
      }
      longest = Math.max(longest, tokens[s].length);
    }
    float[][] lp = new float[batch][];
    double[] total = new double[batch];
    double[][] coverage = new double[batch][];
    int[] active = new int[batch];
    int activeCount = 0;
    for (int s = 0; s < batch; s++) {
      lp[s] = new float[tokens[s].length];
      if (tokens[s].length > 0) {
        active[activeCount++] = s;
      }
    }
    S state = activeCount == batch ? initial : initial.select(Arrays.copyOf(active, activeCount));
    int[] last = new int[activeCount];
    Arrays.fill(last, startToken);
    float[] scores = new float[activeCount * v];
    for (int t = 0; activeCount > 0; t++) {
      try (GradMode.Scope ignored = GradMode.noGrad()) {
        state = decoder.step(state, last, scores);
      }
      float[] attention = decoder.lastAttention();
      int tx = attention == null ? 0 : attention.length / activeCount;
      int kept = 0;
      int[] keptRows = new int[activeCount];
      for (int j = 0; j < activeCount; j++) {
        int s = active[j];
        int token = tokens[s][t];
        lp[s][t] = scores[j * v + token];
        total[s] += lp[s][t];
        if (attention != null) {
          if (coverage[s] == null) {
            coverage[s] = new double[tx];
          }
          for (int i = 0; i < tx; i++) {
            coverage[s][i] += attention[j * tx + i];
          }
        }
        if (t + 1 < tokens[s].length) {
          active[kept] = s;
          last[kept] = token;
          keptRows[kept++] = j;
        }
      }
      if (kept > 0 && kept < activeCount) {
        state = state.select(Arrays.copyOf(keptRows, kept));
        last = Arrays.copyOf(last, kept);
      }
      activeCount = kept;
    }
    List<ForcedDecoding> out = new ArrayList<>(batch);
    for (int s = 0; s < batch; s++) {
      out.add(new ForcedDecoding(lp[s], total[s], coverage[s]));
    }
    return out;
  }

  /**
   * GNMT's coverage penalty β·Σᵢ log(min(coverageᵢ, 1)) over the first {@code sourceLength}
   * positions; 0 without attention or with β = 0.
   */
  public double coveragePenalty(int sourceLength, double beta) {
    if (coverage == null || beta == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < Math.min(sourceLength, coverage.length); i++) {
      sum += Math.log(Math.min(coverage[i], 1.0));
    }
    return beta * sum;
  }
}
