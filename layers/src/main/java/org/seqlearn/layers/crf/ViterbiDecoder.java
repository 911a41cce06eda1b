package org.seqlearn.layers.crf;

/**
 * Viterbi decoding of a linear-chain CRF: the highest-scoring tag path of each sample, by the
 * max-product recursion {@code δ⟨t⟩[j] = max_i(δ⟨t-1⟩[i] + A[i, j]) + e⟨t⟩[j]} with back-pointers
 * (ties go to the lowest tag index), in double.
 */
final class ViterbiDecoder {

  private ViterbiDecoder() {}

  /**
   * @param e emissions {@code [B, T, K]}, row-major
   * @param lengths {@code B} lengths in {@code [1, T]}
   * @return the best path of each sample, {@code lengths[b]} tags each
   */
  static int[][] decode(CrfScores scores, float[] e, int batch, int time, int[] lengths) {
    int k = scores.tags;
    int[][] paths = new int[batch][];
    double[] delta = new double[k];
    double[] next = new double[k];
    for (int b = 0; b < batch; b++) {
      int length = lengths[b];
      int base = b * time * k;
      int[] backPointers = new int[length * k];
      for (int j = 0; j < k; j++) {
        delta[j] = scores.start[j] + e[base + j];
      }
      for (int t = 1; t < length; t++) {
        for (int j = 0; j < k; j++) {
          int best = 0;
          double bestScore = delta[0] + scores.transition[j];
          for (int i = 1; i < k; i++) {
            double s = delta[i] + scores.transition[i * k + j];
            if (s > bestScore) {
              bestScore = s;
              best = i;
            }
          }
          backPointers[t * k + j] = best;
          next[j] = bestScore + e[base + t * k + j];
        }
        double[] swap = delta;
        delta = next;
        next = swap;
      }
      int last = 0;
      double bestScore = delta[0] + scores.end[0];
      for (int j = 1; j < k; j++) {
        double s = delta[j] + scores.end[j];
        if (s > bestScore) {
          bestScore = s;
          last = j;
        }
      }
      int[] path = new int[length];
      path[length - 1] = last;
      for (int t = length - 1; t > 0; t--) {
        path[t - 1] = backPointers[t * k + path[t]];
      }
      paths[b] = path;
    }
    return paths;
  }
}
