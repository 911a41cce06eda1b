package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.optim.Adam;

/**
 * Trains a {@link SentimentClassifier} with Adam on the mean cross-entropy over seeded, shuffled
 * mini-batches, and evaluates it.
 *
 * @param epochs passes over the training data, {@code >= 1}
 * @param batchSize sentences per step, {@code >= 1}
 * @param learningRate Adam learning rate
 * @param seed shuffling seed
 */
public record SentimentTrainer(int epochs, int batchSize, double learningRate, long seed) {

  /** Validates the settings. */
  public SentimentTrainer {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("need epochs >= 1, batchSize >= 1, learningRate > 0");
    }
  }

  /**
   * Trains in place, leaving the model in eval mode.
   *
   * @param sentences encoded sentences {@code N × [len]}
   * @param labels {@code [N]}
   * @return the mean training loss of each epoch {@code [epochs]}
   */
  public double[] train(SentimentClassifier model, List<int[]> sentences, int[] labels) {
    if (sentences.size() != labels.length) {
      throw new IllegalArgumentException(sentences.size() + " sentences but " + labels.length
          + " labels");
    }
    List<Tensor> params = new ArrayList<>();
    for (Tensor p : model.parameters()) {
      if (p.requiresGrad()) {
        params.add(p);
      }
    }
    Adam adam = new Adam(params, learningRate);
    CrossEntropyLoss ce = new CrossEntropyLoss();
    Random rng = new Random(seed);
    int n = sentences.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] losses = new double[epochs];
    model.train();
    for (int e = 0; e < epochs; e++) {
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      double sum = 0;
      int steps = 0;
      for (int start = 0; start < n; start += batchSize) {
        int end = Math.min(n, start + batchSize);
        List<int[]> batch = new ArrayList<>(end - start);
        int[] y = new int[end - start];
        for (int k = start; k < end; k++) {
          batch.add(sentences.get(order[k]));
          y[k - start] = labels[order[k]];
        }
        adam.zeroGrad();
        Tensor loss = ce.apply(model.logits(batch), IntTensor.vector(y));
        loss.backward();
        adam.step();
        sum += loss.item();
        steps++;
      }
      losses[e] = sum / Math.max(1, steps);
    }
    model.eval();
    return losses;
  }

  /** Predicts in eval mode in batches and reports against {@code labels}. */
  public ClassificationReport evaluate(SentimentClassifier model, List<int[]> sentences,
      int[] labels) {
    model.eval();
    int[] predicted = new int[sentences.size()];
    int step = Math.max(batchSize, 256);
    for (int start = 0; start < sentences.size(); start += step) {
      int end = Math.min(sentences.size(), start + step);
      int[] p = model.predict(sentences.subList(start, end));
      System.arraycopy(p, 0, predicted, start, p.length);
    }
    return ClassificationReport.of(labels, predicted, model.numClasses());
  }

  /**
   * k-fold cross-validation: for each fold of {@code dataset.folds(k, seed)} a fresh model from
   * {@code factory} is trained on the other folds and evaluated on this one.
   */
  public CrossValidationResult crossValidate(int k, SentimentDataset dataset,
      SentenceEncoder encoder, Supplier<? extends SentimentClassifier> factory) {
    List<int[]> encoded = encoder.encodeAll(dataset.texts());
    int[] labels = dataset.labels();
    List<ClassificationReport> reports = new ArrayList<>();
    for (Fold fold : dataset.folds(k, seed)) {
      SentimentClassifier model = factory.get();
      train(model, pick(encoded, fold.train()), pick(labels, fold.train()));
      reports.add(evaluate(model, pick(encoded, fold.test()), pick(labels, fold.test())));
    }
    return new CrossValidationResult(reports);
  }

  private static List<int[]> pick(List<int[]> xs, int[] idx) {
    List<int[]> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(xs.get(i));
    }
    return out;
  }

  private static int[] pick(int[] xs, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = xs[idx[i]];
    }
    return out;
  }
}
