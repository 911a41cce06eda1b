package org.seqlearn.nlp.sentiment;

import java.util.Locale;

/**
 * Settings of an {@link LstmClassifier}, immutable; each setter returns a changed copy:
 *
 * <pre>{@code
 * LstmClassifierOptions o = LstmClassifierOptions.defaults()
 *     .hiddenSize(128).bidirectional(true).pooling(Pooling.MAX).freezeEmbeddings(false);
 * }</pre>
 *
 * <p>Defaults: 64 hidden units, one direction, {@link Pooling#LAST}, frozen embeddings, no
 * dropout on the embeddings, dropout 0.5 before the linear layer, seed 0.
 */
public final class LstmClassifierOptions {

  private int hiddenSize = 64;
  private boolean bidirectional;
  private Pooling pooling = Pooling.LAST;
  private boolean freezeEmbeddings = true;
  private float embeddingDropout;
  private float dropout = 0.5f;
  private long seed;

  private LstmClassifierOptions() {}

  /** The defaults listed in the class comment. */
  public static LstmClassifierOptions defaults() {
    return new LstmClassifierOptions();
  }

  private LstmClassifierOptions copy() {
    LstmClassifierOptions o = new LstmClassifierOptions();
    o.hiddenSize = hiddenSize;
    o.bidirectional = bidirectional;
    o.pooling = pooling;
    o.freezeEmbeddings = freezeEmbeddings;
    o.embeddingDropout = embeddingDropout;
    o.dropout = dropout;
    o.seed = seed;
    return o;
  }

  /** LSTM units per direction {@code H >= 1}. */
  public LstmClassifierOptions hiddenSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("hiddenSize must be >= 1, got " + value);
    }
    LstmClassifierOptions o = copy();
    o.hiddenSize = value;
    return o;
  }

  /** Adds a backward direction; the features are then {@code [a→, a←]}, {@code 2H} wide. */
  public LstmClassifierOptions bidirectional(boolean value) {
    LstmClassifierOptions o = copy();
    o.bidirectional = value;
    return o;
  }

  /** How the per-step outputs become one vector per sentence. */
  public LstmClassifierOptions pooling(Pooling value) {
    if (value == null) {
      throw new IllegalArgumentException("pooling must not be null");
    }
    LstmClassifierOptions o = copy();
    o.pooling = value;
    return o;
  }

  /**
   * Keep the pretrained vectors fixed (true), or fine-tune them (false). A {@link
   * SentimentTrainer} can also unfreeze them after some epochs.
   */
  public LstmClassifierOptions freezeEmbeddings(boolean value) {
    LstmClassifierOptions o = copy();
    o.freezeEmbeddings = value;
    return o;
  }

  /** Drop probability on the looked-up vectors in training, in {@code [0, 1)}. */
  public LstmClassifierOptions embeddingDropout(float value) {
    LstmClassifierOptions o = copy();
    o.embeddingDropout = probability("embeddingDropout", value);
    return o;
  }

  /** Drop probability on the pooled features before the linear layer, in {@code [0, 1)}. */
  public LstmClassifierOptions dropout(float value) {
    LstmClassifierOptions o = copy();
    o.dropout = probability("dropout", value);
    return o;
  }

  /** Seed of the initial weights and of the dropout masks. */
  public LstmClassifierOptions seed(long value) {
    LstmClassifierOptions o = copy();
    o.seed = value;
    return o;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  public boolean bidirectional() {
    return bidirectional;
  }

  public Pooling pooling() {
    return pooling;
  }

  public boolean freezeEmbeddings() {
    return freezeEmbeddings;
  }

  public float embeddingDropout() {
    return embeddingDropout;
  }

  public float dropout() {
    return dropout;
  }

  public long seed() {
    return seed;
  }

  /** Width of the pooled features: {@code 2H} when bidirectional, else {@code H}. */
  public int featureSize() {
    return bidirectional ? 2 * hiddenSize : hiddenSize;
  }

  /**
   * A one-line summary, e.g. {@code BiLSTM(100, max, trainable embeddings, dropout 0.25/0.5,
   * seed 1)}.
   */
  @Override
  public String toString() {
    return (bidirectional ? "BiLSTM(" : "LSTM(") + hiddenSize + ", "
        + pooling.name().toLowerCase(Locale.ROOT) + ", "
        + (freezeEmbeddings ? "frozen" : "trainable") + " embeddings, dropout "
        + embeddingDropout + "/" + dropout + ", seed " + seed + ")";
  }

  private static float probability(String name, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
    return value;
  }
}
