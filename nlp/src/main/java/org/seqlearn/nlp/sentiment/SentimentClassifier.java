package org.seqlearn.nlp.sentiment;

import java.util.List;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;

/** A sentence classifier over encoded sentences (ids from a {@link SentenceEncoder}). */
public abstract class SentimentClassifier extends Module {

  /** Number of classes. */
  public abstract int numClasses();

  /**
   * Unnormalised class scores.
   *
   * @param batch {@code B} sentences of ids in {@code [0, vocab)}, any lengths (even 0)
   * @return logits {@code [B, numClasses]}
   */
  public abstract Tensor logits(List<int[]> batch);

  /** Class probabilities {@code [B, numClasses]}: the softmax of {@link #logits}. */
  public Tensor probabilities(List<int[]> batch) {
    return logits(batch).detach().softmax(-1);
  }

  /** The most probable class of each sentence {@code [B]}. */
  public int[] predict(List<int[]> batch) {
    return logits(batch).detach().argmax(-1).toArray();
  }
}
