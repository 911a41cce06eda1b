package org.seqlearn.nlp.glove;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.vectors.WordVectors;
import org.seqlearn.nlp.word2vec.CorpusVocabulary;

/**
 * Trains GloVe with AdaGrad on a co-occurrence matrix: minimises {@code Σ f(Xij) (wi·w̃j + bi +
 * b̃j − log Xij)²} with {@code f(x) = min(1, (x/x_max)^α)}, like Stanford's {@code glove}
 * (initial values uniform in {@code [-0.5, 0.5) / D}, squared-gradient sums starting at 1).
 * Each epoch visits the non-zero entries in a fresh seeded shuffle; {@code threads} workers take
 * contiguous slices of it and update the shared parameters without locks (Hogwild). The word
 * vectors are {@code W + W̃}.
 */
public final class GloveTrainer {

  private final GloveConfig config;
  private final int dim;
  private final float[] w;
  private final float[] wt;
  private final float[] b;
  private final float[] bt;
  private final float[] gw;
  private final float[] gwt;
  private final float[] gb;
  private final float[] gbt;

  private GloveTrainer(GloveConfig config, int vocabSize) {
    this.config = config;
    this.dim = config.dimension();
    long cells = (long) vocabSize * dim;
    if (cells > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("expected V x D <= " + (Integer.MAX_VALUE - 8)
          + ", got " + vocabSize + " x " + dim);
    }
    w = new float[(int) cells];
    wt = new float[(int) cells];
    b = new float[vocabSize];
    bt = new float[vocabSize];
    gw = new float[(int) cells];
    gwt = new float[(int) cells];
    gb = new float[vocabSize];
    gbt = new float[vocabSize];
    Rng rng = Rng.split(config.seed(), -1);
    for (int k = 0; k < w.length; k++) {
      w[k] = (rng.nextFloat() - 0.5f) / dim;
      wt[k] = (rng.nextFloat() - 0.5f) / dim;
    }
    for (int k = 0; k < vocabSize; k++) {
      b[k] = (rng.nextFloat() - 0.5f) / dim;
      bt[k] = (rng.nextFloat() - 0.5f) / dim;
    }
    java.util.Arrays.fill(gw, 1f);
    java.util.Arrays.fill(gwt, 1f);
    java.util.Arrays.fill(gb, 1f);
    java.util.Arrays.fill(gbt, 1f);
  }

  /**
   * Builds the vocabulary, counts co-occurrences (spilling to {@code tempDir} beyond the memory
   * budget) and trains.
   *
   * @param epochCost receives the mean weighted cost {@code ½ f(x) diff²} of each epoch
   * @return the word vectors {@code W + W̃} in vocabulary order
   */
  public static WordVectors train(Path corpus, GloveConfig config, Path tempDir,
      java.util.function.DoubleConsumer epochCost) throws IOException {
    CorpusVocabulary vocab = CorpusVocabulary.build(corpus, config.tokenization(),
        config.minCount());
    if (vocab.size() == 0) {
      throw new IllegalArgumentException("expected a non-empty vocabulary, got 0 words (is "
          + "minCount " + config.minCount() + " too high?)");
    }
    Cooccurrences x = new CooccurrenceCounter(vocab, config.tokenization(), config.window(),
        config.memoryBytes(), tempDir).count(corpus);
    return train(vocab, x, config, epochCost);
  }

  /** Trains on a given co-occurrence matrix; returns {@code W + W̃} in vocabulary order. */
  public static WordVectors train(CorpusVocabulary vocab, Cooccurrences x, GloveConfig config,
      java.util.function.DoubleConsumer epochCost) {
    GloveTrainer t = new GloveTrainer(config, vocab.size());
    int n = x.size();
    float[] logX = new float[n];
    float[] weight = new float[n];
    for (int k = 0; k < n; k++) {
      double v = x.values()[k];
      logX[k] = (float) Math.log(v);
      weight[k] = (float) (v < config.xMax() ? Math.pow(v / config.xMax(), config.alpha()) : 1.0);
    }
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      Rng rng = Rng.split(config.seed(), epoch);
      for (int k = n - 1; k > 0; k--) {
        int r = rng.nextInt(k + 1);
        int tmp = order[k];
        order[k] = order[r];
        order[r] = tmp;
      }
      double[] cost = new double[config.threads()];
      int threads = config.threads();
      IntConsumer slice = s -> {
        int from = (int) ((long) n * s / threads);
        int to = (int) ((long) n * (s + 1) / threads);
        cost[s] = t.step(x.rows(), x.columns(), logX, weight, order, from, to);
      };
      if (threads == 1) {
        slice.accept(0);
      } else {
        List<Thread> workers = new ArrayList<>();
        for (int s = 0; s < threads; s++) {
          int id = s;
          Thread th = new Thread(() -> slice.accept(id), "glove-worker-" + s);
          workers.add(th);
          th.start();
        }
        for (Thread th : workers) {
          try {
            th.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GloVe training interrupted", e);
          }
        }
      }
      double total = 0;
      for (double c : cost) {
        total += c;
      }
      epochCost.accept(n == 0 ? 0 : total / n);
    }
    float[] sum = new float[t.w.length];
    for (int k = 0; k < sum.length; k++) {
      sum[k] = t.w[k] + t.wt[k];
    }
    return WordVectors.of(vocab.words(), sum, t.dim);
  }

  /** One AdaGrad pass over {@code order[from .. to)}; returns the summed weighted cost. */
  private double step(int[] rows, int[] cols, float[] logX, float[] weight, int[] order,
      int from, int to) {
    float eta = (float) config.learningRate();
    double cost = 0;
    for (int q = from; q < to; q++) {
      int k = order[q];
      int i = rows[k];
      int j = cols[k];
      int l1 = i * dim;
      int l2 = j * dim;
      float diff = b[i] + bt[j] - logX[k];
      for (int d = 0; d < dim; d++) {
        diff += w[l1 + d] * wt[l2 + d];
      }
      float fdiff = weight[k] * diff;
      if (!Float.isFinite(fdiff)) {
        continue;
      }
      cost += 0.5 * fdiff * diff;
      fdiff *= eta;
      for (int d = 0; d < dim; d++) {
        float g1 = fdiff * wt[l2 + d];
        float g2 = fdiff * w[l1 + d];
        w[l1 + d] -= g1 / (float) Math.sqrt(gw[l1 + d]);
        wt[l2 + d] -= g2 / (float) Math.sqrt(gwt[l2 + d]);
        gw[l1 + d] += g1 * g1;
        gwt[l2 + d] += g2 * g2;
      }
      b[i] -= fdiff / (float) Math.sqrt(gb[i]);
      bt[j] -= fdiff / (float) Math.sqrt(gbt[j]);
      gb[i] += fdiff * fdiff;
      gbt[j] += fdiff * fdiff;
    }
    return cost;
  }
}
