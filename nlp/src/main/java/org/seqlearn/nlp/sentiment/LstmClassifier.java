package org.seqlearn.nlp.sentiment;

import java.util.List;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * Model B: embedding (pretrained, frozen or trainable, padding id 0) → LSTM read many-to-one at
 * each sentence's own last step → dropout → linear; softmax over the classes.
 *
 * <p>Shapes: ids padded to {@code [B, T]} with lengths {@code [B]} → embeddings {@code [B, T,
 * D]} → last hidden state {@code [B, H]} → logits {@code [B, C]}. A sentence of length 0 reads
 * the zero state.
 */
public final class LstmClassifier extends SentimentClassifier {

  private final Embedding embedding;
  private final Lstm lstm;
  private final Dropout dropout;
  private final Linear linear;

  /**
   * @param embeddings {@code [vocab, D]} with row 0 the padding row (copied)
   * @param freeze keep the embeddings fixed
   * @param hiddenSize LSTM units {@code H}
   * @param dropout drop probability before the linear layer, in {@code [0, 1)}
   * @param numClasses {@code C >= 2}
   * @param seed initialises all weights and the dropout masks
   */
  public LstmClassifier(Tensor embeddings, boolean freeze, int hiddenSize, float dropout,
      int numClasses, long seed) {
    if (numClasses < 2) {
      throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
    }
    this.embedding = registerModule("embedding",
        Embedding.fromPretrained(embeddings, freeze, SentenceEncoder.PAD));
    this.lstm = registerModule("lstm", new Lstm(embeddings.dim(1), hiddenSize,
        RecurrentOptions.defaults().batchFirst(true).returnSequences(false).seed(seed + 1)));
    lstm.initForgetGateBias(1f);
    this.dropout = registerModule("dropout", new Dropout(dropout, seed + 2));
    this.linear = registerModule("linear", new Linear(hiddenSize, numClasses, true, seed + 3));
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
    Tensor x = embedding.forward(IntTensor.of(ids, n, maxLen));
    Tensor h = lstm.forward(x, lengths).output();
    return linear.forward(dropout.forward(h));
  }
}
