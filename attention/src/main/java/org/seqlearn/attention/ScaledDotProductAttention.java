package org.seqlearn.attention;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Scaled dot-product attention, softmax(Q Kᵀ / √d + mask) V, as PyTorch's {@code
 * scaled_dot_product_attention}, with an optional causal mask. As an {@link Attention} the source
 * is both keys and values; {@link #compute} takes separate ones and any leading dims (heads).
 */
public final class ScaledDotProductAttention implements Attention {

  private final boolean causal;

  /**
   * @param causal whether query step t may only attend to source steps {@code t′ <= t}
   */
  public ScaledDotProductAttention(boolean causal) {
    this.causal = causal;
  }

  /** Whether the causal mask is applied. */
  public boolean causal() {
    return causal;
  }

  @Override
  public AttentionMemory prepare(Tensor memory, int[] lengths) {
    return new AttentionMemory(memory, memory, lengths);
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionMemory memory) {
    if (query.rank() != 3 || query.dim(0) != memory.batch()
        || query.dim(2) != memory.keys().dim(2)) {
      throw new IllegalArgumentException("scaled dot-product query must be [" + memory.batch()
          + ", Ty, " + memory.keys().dim(2) + "], got " + Shape.format(query.shape()));
    }
    Tensor mask = combine(memory.paddingMask(), causal
        ? AttentionMasks.causal(query.dim(1), memory.sourceSteps()) : null);
    return compute(query, memory.keys(), memory.values(), mask);
  }

  /**
   * softmax(Q Kᵀ / √d, excluding masked scores) V.
   *
   * @param query {@code [..., Ty, d]}
   * @param keys {@code [..., Tx, d]}
   * @param values {@code [..., Tx, dv]}
   * @param mask broadcastable to {@code [..., Ty, Tx]}, 1 = excluded, or null
   * @return context {@code [..., Ty, dv]} and weights {@code [..., Ty, Tx]}
   */
  public static AttentionResult compute(Tensor query, Tensor keys, Tensor values, Tensor mask) {
    int d = query.dim(query.rank() - 1);
    if (keys.dim(keys.rank() - 1) != d) {
      throw new IllegalArgumentException("queries and keys must have the same last dim, got "
          + Shape.format(query.shape()) + " and " + Shape.format(keys.shape()));
    }
    Tensor scores = query.matmul(keys, false, true).mul((float) (1.0 / Math.sqrt(d)));
    Tensor weights = AttentionMasks.softmax(scores, mask);
    return new AttentionResult(weights.matmul(values), weights);
  }

  /** The union of two masks (either may be null), broadcast together. */
  static Tensor combine(Tensor a, Tensor b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a.add(b);
  }
}
