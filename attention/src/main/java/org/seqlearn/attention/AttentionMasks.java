package org.seqlearn.attention;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Masks of attention scores and the masked softmax that turns scores into weights α⟨t,t′⟩.
 * A mask is a float tensor, 1 where a score is excluded; excluded scores become −∞ before the
 * softmax, so their weights are exactly 0 and no gradient reaches them.
 */
public final class AttentionMasks {

  private AttentionMasks() {}

  /**
   * The padding mask of a batch of sources.
   *
   * @param lengths {@code [batch]}, each in {@code [1, Tx]}
   * @return {@code [batch, 1, Tx]}, 1 at steps {@code t′ >= lengths[b]}
   */
  public static Tensor padding(int[] lengths, int batch, int tx) {
    if (lengths.length != batch) {
      throw new IllegalArgumentException("expected " + batch + " source lengths, got "
          + lengths.length);
    }
    float[] m = new float[batch * tx];
    for (int b = 0; b < batch; b++) {
      if (lengths[b] < 1 || lengths[b] > tx) {
        throw new IllegalArgumentException("source length " + b + " must be in [1, " + tx
            + "], got " + lengths[b]);
      }
      for (int t = lengths[b]; t < tx; t++) {
        m[b * tx + t] = 1f;
      }
    }
    return Tensor.wrap(m, batch, 1, tx);
  }

  /**
   * The causal mask: query step t may attend to key steps {@code t′ <= t} only (aligned at the
   * first step, like PyTorch's {@code is_causal}).
   *
   * @return {@code [Ty, Tx]}, 1 where {@code t′ > t}
   */
  public static Tensor causal(int ty, int tx) {
    float[] m = new float[ty * tx];
    for (int t = 0; t < ty; t++) {
      for (int s = t + 1; s < tx; s++) {
        m[t * tx + s] = 1f;
      }
    }
    return Tensor.wrap(m, ty, tx);
  }

  /**
   * Softmax over the last axis with masked scores excluded.
   *
   * @param scores {@code [..., Tx]}
   * @param mask broadcastable to {@code scores} (1 = excluded), or null for a plain softmax
   * @return weights shaped like {@code scores}
   * @throws IllegalArgumentException if the mask does not broadcast to the scores
   */
  public static Tensor softmax(Tensor scores, Tensor mask) {
    if (mask == null) {
      return scores.softmax(-1);
    }
    try {
      return scores.maskedFill(mask, Float.NEGATIVE_INFINITY).softmax(-1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("attention mask " + Shape.format(mask.shape())
          + " does not broadcast to scores " + Shape.format(scores.shape()), e);
    }
  }
}
