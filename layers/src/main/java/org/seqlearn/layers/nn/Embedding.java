package org.seqlearn.layers.nn;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;

/**
 * A lookup table of word vectors, PyTorch's {@code nn.Embedding}: parameter {@code weight [vocab,
 * dim]}, initialised {@code N(0, 1)}. Ids of any shape {@code [...]} give {@code [..., dim]}
 * (e.g. {@code [batch, time] -> [batch, time, dim]}).
 *
 * <p>An optional padding index names a row that is initialised to zeros and never receives a
 * gradient, so it stays what it is (PyTorch's {@code padding_idx}). Pretrained vectors (e.g.
 * GloVe) load with {@link #fromPretrained}, frozen (no gradient, so optimizers leave them alone)
 * or trainable.
 */
public final class Embedding extends Module {

  /** No padding row. */
  public static final int NO_PADDING = -1;

  private final int numEmbeddings;
  private final int embeddingDim;
  private final int paddingIdx;
  private final Tensor weight;

  /** Without a padding row; the seed is drawn from {@link GlobalSeed}. */
  public Embedding(int numEmbeddings, int embeddingDim) {
    this(numEmbeddings, embeddingDim, NO_PADDING, GlobalSeed.nextSeed());
  }

  /**
   * @param paddingIdx the padding row in {@code [0, numEmbeddings)}, or {@link #NO_PADDING}
   * @param seed seed of the initial vectors
   */
  public Embedding(int numEmbeddings, int embeddingDim, int paddingIdx, long seed) {
    this(Tensor.normal(0f, 1f, new Rng(seed), Checks.positive("numEmbeddings", numEmbeddings),
        Checks.positive("embeddingDim", embeddingDim)), paddingIdx, true);
  }

  private Embedding(Tensor weight, int paddingIdx, boolean zeroPadding) {
    this.numEmbeddings = weight.dim(0);
    this.embeddingDim = weight.dim(1);
    if (paddingIdx != NO_PADDING && (paddingIdx < 0 || paddingIdx >= numEmbeddings)) {
      throw new IllegalArgumentException("paddingIdx must be in [0, " + numEmbeddings
          + ") or NO_PADDING, got " + paddingIdx);
    }
    this.paddingIdx = paddingIdx;
    if (zeroPadding && paddingIdx != NO_PADDING) {
      java.util.Arrays.fill(weight.data(), paddingIdx * embeddingDim,
          (paddingIdx + 1) * embeddingDim, 0f);
    }
    this.weight = registerParameter("weight", weight);
  }

  /**
   * An embedding holding a copy of {@code vectors [vocab, dim]} (the padding row is kept as
   * given, as PyTorch does).
   *
   * @param freeze when true the weight does not require grad and stays fixed in training
   * @param paddingIdx the padding row, or {@link #NO_PADDING}
   */
  public static Embedding fromPretrained(Tensor vectors, boolean freeze, int paddingIdx) {
    if (vectors.rank() != 2 || vectors.dim(0) < 1 || vectors.dim(1) < 1) {
      throw new IllegalArgumentException("pretrained vectors must be [vocab, dim] with both >= 1,"
          + " got " + Shape.format(vectors.shape()));
    }
    Embedding e = new Embedding(Tensor.fromArray(vectors.data(), vectors.shape()), paddingIdx,
        false);
    e.setFrozen(freeze);
    return e;
  }

  /** Freezes (no gradient) or unfreezes the vectors. */
  public Embedding setFrozen(boolean frozen) {
    weight.requiresGrad(!frozen);
    return this;
  }

  /** Whether the vectors are frozen. */
  public boolean isFrozen() {
    return !weight.requiresGrad();
  }

  /**
   * Looks up ids of any shape.
   *
   * @param ids {@code [...]}, each in {@code [0, vocab)}
   * @return {@code [..., dim]}
   * @throws IllegalArgumentException naming the first id out of range
   */
  public Tensor forward(IntTensor ids) {
    return new EmbeddingLookup(ids, paddingIdx).apply(weight);
  }

  /** {@code weight [vocab, dim]}. */
  public Tensor weight() {
    return weight;
  }

  /** The padding row, or {@link #NO_PADDING}. */
  public int paddingIdx() {
    return paddingIdx;
  }

  /** Rows of the table, {@code vocab}. */
  public int numEmbeddings() {
    return numEmbeddings;
  }

  /** Length of each vector, {@code dim}. */
  public int embeddingDim() {
    return embeddingDim;
  }

  @Override
  public String toString() {
    return "Embedding(" + numEmbeddings + ", " + embeddingDim
        + (paddingIdx == NO_PADDING ? "" : ", paddingIdx=" + paddingIdx) + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Embedding}. */
  @Override
  public Embedding train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Embedding}. */
  @Override
  public Embedding train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Embedding}. */
  @Override
  public Embedding eval() {
    return train(false);
  }
}
