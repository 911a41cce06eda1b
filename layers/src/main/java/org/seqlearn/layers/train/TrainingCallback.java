package org.seqlearn.layers.train;

/** Hooks called by the {@link Trainer}; both default to doing nothing. */
public interface TrainingCallback {

  /**
   * After each optimizer step.
   *
   * @param epoch the epoch, from 1
   * @param step the global step, from 1
   * @param loss this batch's loss
   */
  default void onBatchEnd(int epoch, long step, double loss) {}

  /** After each epoch's validation, early-stopping check and checkpoints. */
  default void onEpochEnd(EpochResult result) {}
}
