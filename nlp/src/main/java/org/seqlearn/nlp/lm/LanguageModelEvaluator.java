package org.seqlearn.nlp.lm;

import java.util.List;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;

/**
 * Exact held-out scoring of a {@link RecurrentLanguageModel}: each sequence is teacher-forced
 * from ⟨EOS⟩ (see {@link TeacherForcedBatch}) and the log-softmax of every predicted position is
 * computed in double precision from the model's logits, so the result does not depend on the
 * batch size beyond float rounding inside the model.
 */
public final class LanguageModelEvaluator {

  private LanguageModelEvaluator() {}

  /**
   * Scores {@code sequences} without recording gradients, in evaluation mode.
   *
   * @param sequences token ids without ⟨EOS⟩
   * @param batchSize sequences per forward pass, ≥ 1
   * @return the total negative log-likelihood and the number of predicted tokens
   * @throws IllegalArgumentException if {@code sequences} is empty or {@code batchSize < 1}
   */
  public static Evaluation evaluate(RecurrentLanguageModel model, List<int[]> sequences,
      int eosId, int padId, int batchSize) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("expected at least one sequence to evaluate, got none");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    boolean wasTraining = model.isTraining();
    model.eval();
    double nats = 0;
    long tokens = 0;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      for (int from = 0; from < sequences.size(); from += batchSize) {
        List<int[]> part = sequences.subList(from, Math.min(sequences.size(), from + batchSize));
        TeacherForcedBatch batch = TeacherForcedBatch.of(part, eosId, padId);
        Tensor logits = model.forward(batch.inputs(), batch.lengths(), null).logits();
        nats += negativeLogLikelihood(logits, batch);
        tokens += batch.predictedTokens();
      }
    } finally {
      model.train(wasTraining);
    }
    return new Evaluation(nats, tokens);
  }

  /** −Σ ln softmax(logits)[target] over the real (unpadded) positions, in double precision. */
  static double negativeLogLikelihood(Tensor logits, TeacherForcedBatch batch) {
    float[] z = logits.data();
    int time = logits.dim(1);
    int v = logits.dim(2);
    int[] targets = batch.targets().toArray();
    double sum = 0;
    for (int b = 0; b < batch.lengths().length; b++) {
      for (int t = 0; t < batch.lengths()[b]; t++) {
        int row = (b * time + t) * v;
        sum += logSumExp(z, row, v) - z[row + targets[b * time + t]];
      }
    }
    return sum;
  }

  static double logSumExp(float[] z, int offset, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, z[offset + i]);
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(z[offset + i] - max);
    }
    return max + Math.log(s);
  }
}
