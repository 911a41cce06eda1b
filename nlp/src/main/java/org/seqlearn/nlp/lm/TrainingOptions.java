package org.seqlearn.nlp.lm;

/**
 * Settings of {@link LanguageModelTrainer}: Adam on mini-batches of whole sequences, with the
 * gradients clipped by their global norm before every step.
 *
 * @param epochs passes over the training sequences, ≥ 1
 * @param batchSize sequences per step, ≥ 1
 * @param learningRate Adam's step size, &gt; 0
 * @param clipNorm the largest global gradient norm (exploding gradients); 0 turns clipping off
 * @param seed seed of the shuffling (the model's weights have their own seed)
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, double clipNorm,
    long seed) {

  /** Validates every field. */
  public TrainingOptions {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got "
          + learningRate);
    }
    if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
      throw new IllegalArgumentException("clipNorm must be finite and >= 0 (0 = off), got "
          + clipNorm);
    }
  }
}
