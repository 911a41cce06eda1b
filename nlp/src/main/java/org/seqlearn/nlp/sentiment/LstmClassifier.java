package org.seqlearn.nlp.sentiment;

import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * Model B: embedding (pretrained, frozen or trainable, padding id 0) → dropout → LSTM (one or
 * both directions) read many-to-one → pooling over the sentence's own steps → dropout → linear;
 * softmax over the classes.
 *
 * <p>Shapes: ids padded to {@code [B, T]} with lengths {@code [B]} → embeddings {@code [B, T,
 * D]} → LSTM outputs {@code [B, T, F]} ({@code F = H}, or {@code 2H} bidirectional) → pooled
 * {@code [B, F]} (see {@link Pooling}) → logits {@code [B, C]}. A sentence of length 0 reads the
 * zero state (pooled features all zero).
 */
public final class LstmClassifier extends SentimentClassifier {

  /** Added to padded steps before max-pooling, so they never win. */
  private static final float PAD_SCORE = -1e9f;

  private final LstmClassifierOptions options;
  private final Embedding embedding;
  private final Dropout embeddingDropout;
  private final Lstm lstm;
  private final Dropout dropout;
  private final Linear linear;

  /**
   * @param embeddings {@code [vocab, D]} with row 0 the padding row (copied)
   * @param numClasses {@code C >= 2}
   * @param options size, direction, pooling, dropout, freezing and seed
   */
  public LstmClassifier(Tensor embeddings, int numClasses, LstmClassifierOptions options) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
    }
    this.options = options;
    long seed = options.seed();
    this.embedding = registerModule("embedding", Embedding.fromPretrained(embeddings,
        options.freezeEmbeddings(), SentenceEncoder.PAD));
    this.embeddingDropout = registerModule("embedding_dropout",
        new Dropout(options.embeddingDropout(), seed + 4));
    this.lstm = registerModule("lstm", new Lstm(embeddings.dim(1), options.hiddenSize(),
        RecurrentOptions.defaults().batchFirst(true).bidirectional(options.bidirectional())
            .returnSequences(options.pooling() != Pooling.LAST).seed(seed + 1)));
    lstm.initForgetGateBias(1f);
    this.dropout = registerModule("dropout", new Dropout(options.dropout(), seed + 2));
    this.linear = registerModule("linear",
        new Linear(options.featureSize(), numClasses, true, seed + 3));
  }

  /**
   * One direction, last step.
   *
   * @param embeddings {@code [vocab, D]} with row 0 the padding row (copied)
   * @param freeze keep the embeddings fixed
   * @param hiddenSize LSTM units {@code H}
   * @param dropout drop probability before the linear layer, in {@code [0, 1)}
   * @param numClasses {@code C >= 2}
   * @param seed initialises all weights and the dropout masks
   */
  public LstmClassifier(Tensor embeddings, boolean freeze, int hiddenSize, float dropout,
      int numClasses, long seed) {
    this(embeddings, numClasses, LstmClassifierOptions.defaults().freezeEmbeddings(freeze)
        .hiddenSize(hiddenSize).dropout(dropout).seed(seed));
  }

  /** The settings this model was built with. */
  public LstmClassifierOptions options() {
    return options;
  }

  /** The word-vector table, {@code weight [vocab, D]} (frozen or trainable). */
  public Embedding embedding() {
    return embedding;
  }

  @Override
  public int numClasses() {
    return linear.outFeatures();
  }

  @Override
  public Tensor logits(List<int[]> batch) {
    int n = batch.size();
    int maxLen = 1;
    for (int[] s : batch) {
      maxLen = Math.max(maxLen, s.length);
    }
    int[] ids = new int[n * maxLen];
    int[] lengths = new int[n];
    for (int b = 0; b < n; b++) {
      int[] s = batch.get(b);
      System.arraycopy(s, 0, ids, b * maxLen, s.length);
      lengths[b] = s.length;
    }
    Tensor x = embeddingDropout.forward(embedding.forward(IntTensor.of(ids, n, maxLen)));
    Tensor out = lstm.forward(x, lengths).output();
    Tensor pooled = switch (options.pooling()) {
      case LAST -> out;
      case MAX -> out.maskedFill(padding(lengths, maxLen), PAD_SCORE).max(1, false);
      case MEAN -> out.sum(1, false).div(divisors(lengths));
    };
    return linear.forward(dropout.forward(pooled));
  }

  /** {@code [B, T, 1]}: 1 at the padded steps of non-empty sentences, else 0. */
  private static Tensor padding(int[] lengths, int maxLen) {
    float[] m = new float[lengths.length * maxLen];
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] > 0) {
        Arrays.fill(m, b * maxLen + lengths[b], (b + 1) * maxLen, 1f);
      }
    }
    return Tensor.wrap(m, lengths.length, maxLen, 1);
  }

  /** {@code [B, 1]}: each length, at least 1. */
  private static Tensor divisors(int[] lengths) {
    float[] d = new float[lengths.length];
    for (int b = 0; b < lengths.length; b++) {
      d[b] = Math.max(1, lengths[b]);
    }
    return Tensor.wrap(d, lengths.length, 1);
  }
}
