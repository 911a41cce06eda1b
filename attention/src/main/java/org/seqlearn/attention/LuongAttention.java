package org.seqlearn.attention;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Linear;

/**
 * Luong's multiplicative attention: the score of query s⟨t⟩ and source step a⟨t′⟩ is
 * {@code s⟨t⟩ · a⟨t′⟩} ({@link Score#DOT}) or {@code s⟨t⟩ᵀ W a⟨t′⟩} ({@link Score#GENERAL},
 * parameter {@code proj.weight [queryFeatures, memoryFeatures]}, no bias). The scores of all t′
 * are one batched GEMM {@code [batch, Ty, d] x [batch, d, Tx]}; for GENERAL the source is
 * projected once by {@link #prepare}.
 */
public final class LuongAttention extends Module implements Attention {

  /** The scoring function. */
  public enum Score {
    /** {@code s · a}; the query and the source must have the same number of features. */
    DOT,
    /** {@code sᵀ W a}. */
    GENERAL
  }

  private final Score score;
  private final int queryFeatures;
  private final int memoryFeatures;
  private final Linear proj;

  /** Dot scoring of {@code features}-wide queries and sources. */
  public static LuongAttention dot(int features) {
    return new LuongAttention(Score.DOT, features, features, 0L);
  }

  /** General scoring with a learned {@code W [queryFeatures, memoryFeatures]}. */
  public static LuongAttention general(int queryFeatures, int memoryFeatures, long seed) {
    return new LuongAttention(Score.GENERAL, queryFeatures, memoryFeatures, seed);
  }

  private LuongAttention(Score score, int queryFeatures, int memoryFeatures, long seed) {
    if (queryFeatures < 1 || memoryFeatures < 1) {
      throw new IllegalArgumentException("features must be >= 1, got " + queryFeatures + " and "
          + memoryFeatures);
    }
    this.score = score;
    this.queryFeatures = queryFeatures;
    this.memoryFeatures = memoryFeatures;
    this.proj = score == Score.GENERAL
        ? registerModule("proj", new Linear(memoryFeatures, queryFeatures, false, seed)) : null;
  }

  /** The scoring function. */
  public Score score() {
    return score;
  }

  /** {@inheritDoc} For GENERAL the keys are {@code a W ᵀ}, {@code [batch, Tx, queryFeatures]}. */
  @Override
  public AttentionMemory prepare(Tensor memory, int[] lengths) {
    if (memory.rank() != 3 || memory.dim(2) != memoryFeatures) {
      throw new IllegalArgumentException("Luong attention memory must be [batch, Tx, "
          + memoryFeatures + "], got " + Shape.format(memory.shape()));
    }
    return new AttentionMemory(memory, proj == null ? memory : proj.forward(memory), lengths);
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionMemory memory) {
    if (query.rank() != 3 || query.dim(0) != memory.batch() || query.dim(2) != queryFeatures) {
      throw new IllegalArgumentException("Luong attention query must be [" + memory.batch()
          + ", Ty, " + queryFeatures + "], got " + Shape.format(query.shape()));
    }
    Tensor scores = query.matmul(memory.keys(), false, true);
    Tensor weights = AttentionMasks.softmax(scores, memory.paddingMask());
    return new AttentionResult(WeightedSum.of(weights, memory.values()), weights);
  }

  @Override
  public String toString() {
    return "LuongAttention(" + score + ", " + queryFeatures + ", " + memoryFeatures + ")";
  }
}
