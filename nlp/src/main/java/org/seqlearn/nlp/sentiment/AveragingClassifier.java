package org.seqlearn.nlp.sentiment;

import java.util.List;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.nn.Linear;

/**
 * Model A: the average of the (frozen) word vectors of a sentence's in-vocabulary tokens, then a
 * linear layer; softmax over the classes. A sentence with no known token averages to zeros.
 *
 * <p>Shapes: ids {@code B × [len]} → average {@code [B, D]} → logits {@code [B, C]}.
 */
public final class AveragingClassifier extends SentimentClassifier {

  private final float[] table;
  private final int dim;
  private final int vocab;
  private final Linear linear;

  /**
   * @param embeddings {@code [vocab, D]}, e.g. {@link SentenceEncoder#embeddingMatrix()} (copied)
   * @param numClasses {@code C >= 2}
   * @param seed initialises the linear layer
   */
  public AveragingClassifier(Tensor embeddings, int numClasses, long seed) {
    if (embeddings.rank() != 2 || numClasses < 2) {
      throw new IllegalArgumentException("need embeddings [vocab, dim] and numClasses >= 2");
    }
    this.table = embeddings.toArray();
    this.vocab = embeddings.dim(0);
    this.dim = embeddings.dim(1);
    this.linear = registerModule("linear", new Linear(dim, numClasses, true, seed));
  }

  @Override
  public int numClasses() {
    return linear.outFeatures();
  }

  /** The mean vectors {@code [B, D]} (no gradient; padding id 0 is ignored). */
  public Tensor average(List<int[]> batch) {
    float[] out = new float[batch.size() * dim];
    for (int b = 0; b < batch.size(); b++) {
      int count = 0;
      for (int id : batch.get(b)) {
        if (id < 0 || id >= vocab) {
          throw new IllegalArgumentException("id " + id + " out of range [0, " + vocab + ")");
        }
        if (id == SentenceEncoder.PAD) {
          continue;
        }
        count++;
        for (int j = 0; j < dim; j++) {
          out[b * dim + j] += table[id * dim + j];
        }
      }
      if (count > 0) {
        for (int j = 0; j < dim; j++) {
          out[b * dim + j] /= count;
        }
      }
    }
    return Tensor.wrap(out, batch.size(), dim);
  }

  @Override
  public Tensor logits(List<int[]> batch) {
    return linear.forward(average(batch));
  }
}
