package org.seqlearn.nlp.word2vec;

import java.util.Locale;

/**
 * A progress report of word2vec training.
 *
 * @param epoch the epoch being trained (0-based)
 * @param words vocabulary words processed so far over all epochs (before subsampling)
 * @param totalWords vocabulary words of all epochs together
 * @param rawWords corpus tokens processed so far, out-of-vocabulary ones included
 * @param alpha the current learning rate
 * @param seconds wall time since training started
 * @param loss the summed loss Σ −log σ since the previous report
 * @param examples positive examples since the previous report (the divisor of the mean loss)
 */
public record TrainingProgress(int epoch, long words, long totalWords, long rawWords,
    double alpha, double seconds, double loss, long examples) {

  /** Fraction done, 0 to 1. */
  public double fraction() {
    return totalWords == 0 ? 1.0 : (double) words / totalWords;
  }

  /** Raw corpus words per second since the start. */
  public double wordsPerSecond() {
    return seconds <= 0 ? 0 : rawWords / seconds;
  }

  /** Mean loss per positive example since the previous report. */
  public double meanLoss() {
    return examples == 0 ? 0 : loss / examples;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "epoch %d  %5.1f%%  alpha %.6f  %,.0f words/s  loss %.4f", epoch + 1, 100 * fraction(),
        alpha, wordsPerSecond(), meanLoss());
  }
}
