package org.seqlearn.nlp.lm;

/**
 * Progress of {@link LanguageModelTrainer}, reported after every step and every epoch.
 *
 * @param epoch 1-based epoch number
 * @param epochs the number of epochs
 * @param step 1-based step (mini-batch) within the epoch
 * @param steps steps per epoch
 * @param meanLoss mean cross-entropy per predicted token so far in this epoch, in nats
 *     (token-weighted over the steps)
 * @param seconds wall time since training started
 * @param epochSeconds wall time since this epoch started
 */
public record EpochReport(int epoch, int epochs, int step, int steps, double meanLoss,
    double seconds, double epochSeconds) {

  /** {@link #meanLoss()} in bits (bits per character for a character model). */
  public double meanLossBits() {
    return meanLoss / Math.log(2);
  }

  /** Whether this report closes its epoch. */
  public boolean endOfEpoch() {
    return step == steps;
  }
}
