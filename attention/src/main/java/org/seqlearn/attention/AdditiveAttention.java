package org.seqlearn.attention;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Linear;

/**
 * Additive (Bahdanau) attention as the course draws it: the score e⟨t,t′⟩ is a small dense
 * network applied to the concatenation {@code [s⟨t−1⟩; a⟨t′⟩]} of the query (the decoder state,
 * repeated over t′) and each source step, α⟨t,t′⟩ = softmax over t′ of e⟨t,t′⟩, and
 * c⟨t⟩ = Σ_{t′} α⟨t,t′⟩ a⟨t′⟩. The course's network is dense(10, tanh) → dense(1, relu); the
 * layer sizes and activations are options, the last layer has one unit.
 *
 * <p>Parameters {@code dense0.weight [units0, queryFeatures + memoryFeatures]}, {@code
 * dense0.bias}, {@code dense1.weight [units1, units0]}, … exactly those of dense layers applied to
 * the concatenation. The first layer is evaluated without building the concatenation: its weight
 * splits into a query part and a source part, the source part is applied once per source by
 * {@link #prepare} (one GEMM over all t′), the query part once per step, and the two are added
 * with broadcasting — the same numbers as the concatenation, Tx times fewer products. For the
 * course's shape (a tanh layer, then the one-unit score layer) the steps up to the score's
 * activation are one fused op ({@link AdditiveScore}).
 */
public final class AdditiveAttention extends Module implements Attention {

  private final int queryFeatures;
  private final int memoryFeatures;
  private final Linear[] dense;
  private final ScoreActivation[] activations;

  /** The course's scorer, dense(10, tanh) → dense(1, relu). */
  public AdditiveAttention(int queryFeatures, int memoryFeatures, long seed) {
    this(queryFeatures, memoryFeatures, new int[] {10, 1},
        new ScoreActivation[] {ScoreActivation.TANH, ScoreActivation.RELU}, seed);
  }

  /**
   * @param units the units of each dense layer; the last must be 1 (the score)
   * @param activations one activation per layer
   * @param seed seed of the initial weights (PyTorch's {@code nn.Linear} initialisation)
   */
  public AdditiveAttention(int queryFeatures, int memoryFeatures, int[] units,
      ScoreActivation[] activations, long seed) {
    if (queryFeatures < 1 || memoryFeatures < 1) {
      throw new IllegalArgumentException("queryFeatures and memoryFeatures must be >= 1, got "
          + queryFeatures + " and " + memoryFeatures);
    }
    if (units.length == 0 || units.length != activations.length || units[units.length - 1] != 1) {
      throw new IllegalArgumentException("expected one activation per layer and a last layer of "
          + "1 unit, got units " + Arrays.toString(units) + " and activations "
          + Arrays.toString(activations));
    }
    this.queryFeatures = queryFeatures;
    this.memoryFeatures = memoryFeatures;
    this.activations = activations.clone();
    dense = new Linear[units.length];
    int in = queryFeatures + memoryFeatures;
    for (int i = 0; i < units.length; i++) {
      dense[i] = registerModule("dense" + i, new Linear(in, units[i], true, seed + i));
      in = units[i];
    }
  }

  /** Features of the query s⟨t−1⟩. */
  public int queryFeatures() {
    return queryFeatures;
  }

  /** Features of a source step a⟨t′⟩. */
  public int memoryFeatures() {
    return memoryFeatures;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The keys are the source part of the first dense layer with its bias, {@code a⟨t′⟩ W_aᵀ + b}
   * ({@code [batch, Tx, units0]}).
   */
  @Override
  public AttentionMemory prepare(Tensor memory, int[] lengths) {
    if (memory.rank() != 3 || memory.dim(2) != memoryFeatures) {
      throw new IllegalArgumentException("additive attention memory must be [batch, Tx, "
          + memoryFeatures + "], got " + Shape.format(memory.shape()));
    }
    Tensor sourceWeight = dense[0].weight().slice(1, queryFeatures, queryFeatures
        + memoryFeatures);
    Tensor keys = memory.matmul(sourceWeight, false, true).add(dense[0].bias());
    return new AttentionMemory(memory, keys, lengths);
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionMemory memory) {
    if (query.rank() != 3 || query.dim(0) != memory.batch() || query.dim(2) != queryFeatures) {
      throw new IllegalArgumentException("additive attention query must be [" + memory.batch()
          + ", Ty, " + queryFeatures + "], got " + Shape.format(query.shape()));
    }
    Tensor queryWeight = dense[0].weight().slice(1, 0, queryFeatures);
    Tensor projected = query.matmul(queryWeight, false, true); // [b, Ty, u]
    Tensor scores;
    if (dense.length == 2 && activations[0] == ScoreActivation.TANH) {
      // the course's shape: one fused op up to the last activation
      scores = activations[1].apply(AdditiveScore.of(projected, memory.sourceKeys(),
          memory.sourceRows(), dense[1].weight(), dense[1].bias()));
    } else {
      // [b, Ty, 1, u] + [b, 1, Tx, u] = the first layer on [s repeated over t'; a]
      Tensor h = activations[0].apply(projected.unsqueeze(2).add(memory.keys().unsqueeze(1)));
      for (int i = 1; i < dense.length; i++) {
        h = activations[i].apply(dense[i].forward(h));
      }
      scores = h.squeeze(3); // [b, Ty, Tx]
    }
    Tensor weights = AttentionMasks.softmax(scores, memory.paddingMask());
    return new AttentionResult(WeightedSum.of(weights, memory.sourceValues(),
        memory.sourceRows()), weights);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("AdditiveAttention(" + queryFeatures + " + "
        + memoryFeatures);
    for (int i = 0; i < dense.length; i++) {
      s.append(" -> ").append(dense[i].outFeatures()).append(' ').append(activations[i]);
    }
    return s.append(")").toString();
  }
}
