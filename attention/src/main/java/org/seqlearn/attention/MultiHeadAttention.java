package org.seqlearn.attention;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.init.Initializers;
import org.seqlearn.layers.nn.Linear;

/**
 * Multi-head scaled dot-product attention with PyTorch's {@code nn.MultiheadAttention} parameters
 * and names ({@code in_proj_weight [3E, E]}, {@code in_proj_bias [3E]}, {@code out_proj.weight},
 * {@code out_proj.bias}), batch first: queries, keys and values are projected, split into H heads
 * of E/H features, attended per head by {@link ScaledDotProductAttention#compute}, concatenated
 * and projected out. Weights are averaged over the heads (PyTorch's default).
 */
public final class MultiHeadAttention extends Module implements Attention {

  private final int embedDim;
  private final int heads;
  private final Tensor inProjWeight;
  private final Tensor inProjBias;
  private final Linear outProj;

  /**
   * @param embedDim E, the features of queries, keys, values and outputs
   * @param heads H, dividing E
   */
  public MultiHeadAttention(int embedDim, int heads, long seed) {
    if (embedDim < 1 || heads < 1 || embedDim % heads != 0) {
      throw new IllegalArgumentException("embedDim must be a positive multiple of heads, got "
          + embedDim + " and " + heads);
    }
    this.embedDim = embedDim;
    this.heads = heads;
    inProjWeight = registerParameter("in_proj_weight",
        Initializers.xavierUniform(new Rng(seed), 1.0, 3 * embedDim, embedDim));
    inProjBias = registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim));
    outProj = registerModule("out_proj", new Linear(embedDim, embedDim, true, seed + 1));
    Arrays.fill(outProj.bias().data(), 0f);
  }

  /** E. */
  public int embedDim() {
    return embedDim;
  }

  /** H. */
  public int heads() {
    return heads;
  }

  /**
   * Multi-head attention of queries over keys and values.
   *
   * @param query {@code [batch, Ty, E]}
   * @param key {@code [batch, Tx, E]}
   * @param value {@code [batch, Tx, E]}
   * @param lengths source lengths {@code [batch]} in {@code [1, Tx]}, or null (no padding mask)
   * @param causal whether query step t may only attend to source steps {@code t′ <= t}
   * @return the output {@code [batch, Ty, E]} and the head-averaged weights {@code [batch, Ty, Tx]}
   */
  public AttentionResult forward(Tensor query, Tensor key, Tensor value, int[] lengths,
      boolean causal) {
    AttentionMemory memory = prepare(key, value, lengths);
    return attend(query, memory, causal);
  }

  /** Keys and values are both the source. */
  @Override
  public AttentionMemory prepare(Tensor memory, int[] lengths) {
    return prepare(memory, memory, lengths);
  }

  private AttentionMemory prepare(Tensor key, Tensor value, int[] lengths) {
    check("key", key, -1);
    check("value", value, key.dim(1));
    if (key.dim(0) != value.dim(0)) {
      throw new IllegalArgumentException("key and value batches differ: "
          + Shape.format(key.shape()) + " and " + Shape.format(value.shape()));
    }
    Tensor k = project(key, 1);
    Tensor v = project(value, 2);
    return new AttentionMemory(v, k, lengths);
  }

  @Override
  public AttentionResult attend(Tensor query, AttentionMemory memory) {
    return attend(query, memory, false);
  }

  private AttentionResult attend(Tensor query, AttentionMemory memory, boolean causal) {
    check("query", query, -1);
    int batch = memory.batch();
    if (query.dim(0) != batch) {
      throw new IllegalArgumentException("query must be [" + batch + ", Ty, " + embedDim
          + "], got " + Shape.format(query.shape()));
    }
    int ty = query.dim(1);
    int tx = memory.sourceSteps();
    Tensor q = heads(project(query, 0), batch, ty);
    Tensor k = heads(memory.keys(), batch, tx);
    Tensor v = heads(memory.values(), batch, tx);
    Tensor padding = memory.paddingMask() == null ? null : memory.paddingMask().unsqueeze(1);
    Tensor mask = ScaledDotProductAttention.combine(padding,
        causal ? AttentionMasks.causal(ty, tx) : null);
    AttentionResult perHead = ScaledDotProductAttention.compute(q, k, v, mask);
    Tensor joined = perHead.context().permute(0, 2, 1, 3).reshape(batch, ty, embedDim);
    return new AttentionResult(outProj.forward(joined), perHead.weights().mean(1, false));
  }

  /** Part {@code part} (0 = query, 1 = key, 2 = value) of the input projection. */
  private Tensor project(Tensor x, int part) {
    Tensor w = inProjWeight.slice(0, part * embedDim, (part + 1) * embedDim);
    Tensor b = inProjBias.slice(0, part * embedDim, (part + 1) * embedDim);
    return x.matmul(w, false, true).add(b);
  }

  /** {@code [batch, T, E] -> [batch, H, T, E/H]}. */
  private Tensor heads(Tensor x, int batch, int t) {
    return x.reshape(batch, t, heads, embedDim / heads).permute(0, 2, 1, 3);
  }

  private void check(String what, Tensor x, int steps) {
    if (x.rank() != 3 || x.dim(2) != embedDim || (steps >= 0 && x.dim(1) != steps)) {
      throw new IllegalArgumentException(what + " must be [batch, " + (steps >= 0 ? steps : "T")
          + ", " + embedDim + "], got " + Shape.format(x.shape()));
    }
  }

  @Override
  public String toString() {
    return "MultiHeadAttention(" + embedDim + ", heads=" + heads + ")";
  }
}
