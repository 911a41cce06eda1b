package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.train.Batch;
import org.seqlearn.layers.train.BatchSource;
import org.seqlearn.layers.train.EarlyStopping;
import org.seqlearn.layers.train.EpochResult;
import org.seqlearn.layers.train.Metric;
import org.seqlearn.layers.train.ProgressBar;
import org.seqlearn.layers.train.Trainer;
import org.seqlearn.layers.train.TrainingCallback;

/**
 * Trains a {@link SentimentClassifier} with Adam on the mean cross-entropy over seeded, shuffled
 * mini-batches of similar-length sentences (the layers' {@link Trainer}), and evaluates it.
 * Immutable; each setter returns a changed copy:
 *
 * <pre>{@code
 * SentimentTrainer t = new SentimentTrainer(20, 32, 1e-3, 1)
 *     .clipGradNorm(5).weightDecay(1e-6).earlyStopping(0.1, 3);
 * }</pre>
 *
 * <p>With early stopping, a seeded share of the training sentences is held out as a validation
 * set; training stops when its accuracy has not improved for {@code patience} epochs, and the
 * weights of the best epoch are restored.
 */
public final class SentimentTrainer {

  private final int epochs;
  private final int batchSize;
  private final double learningRate;
  private final long seed;
  private double weightDecay;
  private double clipNorm = Double.NaN;
  private double validationFraction;
  private int patience;
  private Consumer<EpochResult> listener = r -> { };

  /**
   * @param epochs passes over the training data (the most, with early stopping), {@code >= 1}
   * @param batchSize sentences per step, {@code >= 1}
   * @param learningRate Adam learning rate, {@code > 0}
   * @param seed seed of the shuffling and of the validation split
   */
  public SentimentTrainer(int epochs, int batchSize, double learningRate, long seed) {
    if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("need epochs >= 1, batchSize >= 1, learningRate > 0, got "
          + epochs + ", " + batchSize + ", " + learningRate);
    }
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.learningRate = learningRate;
    this.seed = seed;
  }

  private SentimentTrainer copy() {
    SentimentTrainer t = new SentimentTrainer(epochs, batchSize, learningRate, seed);
    t.weightDecay = weightDecay;
    t.clipNorm = clipNorm;
    t.validationFraction = validationFraction;
    t.patience = patience;
    t.listener = listener;
    return t;
  }

  /** Adam's L2 weight decay {@code λ >= 0} on every trained parameter (default 0). */
  public SentimentTrainer weightDecay(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + value);
    }
    SentimentTrainer t = copy();
    t.weightDecay = value;
    return t;
  }

  /** Clips the global L2 norm of the gradients to {@code maxNorm > 0} (default: no clipping). */
  public SentimentTrainer clipGradNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
    }
    SentimentTrainer t = copy();
    t.clipNorm = maxNorm;
    return t;
  }

  /**
   * Holds out {@code fraction} of the training sentences and stops when their accuracy has not
   * improved for {@code patience} epochs, keeping the best epoch's weights.
   *
   * @param fraction in {@code (0, 1)}
   * @param patience {@code >= 1}
   */
  public SentimentTrainer earlyStopping(double fraction, int patience) {
    if (!(fraction > 0 && fraction < 1) || patience < 1) {
      throw new IllegalArgumentException("need 0 < fraction < 1 and patience >= 1, got "
          + fraction + " and " + patience);
    }
    SentimentTrainer t = copy();
    t.validationFraction = fraction;
    t.patience = patience;
    return t;
  }

  /** Called after each epoch with its result (loss, accuracy and, with early stopping, val_*). */
  public SentimentTrainer onEpoch(Consumer<EpochResult> value) {
    SentimentTrainer t = copy();
    t.listener = value == null ? r -> { } : value;
    return t;
  }

  public int epochs() {
    return epochs;
  }

  public int batchSize() {
    return batchSize;
  }

  public double learningRate() {
    return learningRate;
  }

  public long seed() {
    return seed;
  }

  /**
   * A one-line summary, e.g. {@code Adam 0.001, batch 32, up to 20 epochs, weight decay 0.0, clip
   * 5.0, early stopping (validation 0.1, patience 3), seed 1}.
   */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Adam %s, batch %d, up to %d epochs, weight decay"
            + " %s, clip %s, %s, seed %d", learningRate, batchSize, epochs, weightDecay,
        Double.isNaN(clipNorm) ? "none" : String.valueOf(clipNorm), patience > 0
            ? "early stopping (validation " + validationFraction + ", patience " + patience + ")"
            : "no early stopping", seed);
  }

  /**
   * Trains in place, leaving the model in eval mode (with the best epoch's weights when early
   * stopping is on).
   *
   * @param sentences encoded sentences {@code N × [len]}
   * @param labels {@code [N]}
   * @return one result per epoch run: {@code loss}, {@code accuracy} and, with early stopping,
   *     {@code val_loss} and {@code val_accuracy}
   */
  public List<EpochResult> train(SentimentClassifier model, List<int[]> sentences, int[] labels) {
    if (sentences.size() != labels.length) {
      throw new IllegalArgumentException(sentences.size() + " sentences but " + labels.length
          + " labels");
    }
    int n = sentences.size();
    int held = validationFraction > 0 ? (int) Math.round(n * validationFraction) : 0;
    if (validationFraction > 0 && (held < 1 || held >= n)) {
      throw new IllegalArgumentException("validation fraction " + validationFraction + " of "
          + n + " sentences leaves " + held + " for validation; need 1 to " + (n - 1));
    }
    int[] order = permutation(n, Rng.split(seed, 7919).nextLong());
    int[] fit = Arrays.copyOfRange(order, held, n);
    int[] val = Arrays.copyOfRange(order, 0, held);
    Arrays.sort(fit);
    Arrays.sort(val);
    List<int[]> fitX = pick(sentences, fit);
    int[] fitY = pick(labels, fit);
    CrossEntropyLoss ce = new CrossEntropyLoss();
    Trainer<List<int[]>, IntTensor> trainer = new Trainer<List<int[]>, IntTensor>(model,
        new Adam(model.parameters(), learningRate).weightDecay(weightDecay), model::logits,
        ce::apply)
        .epochs(epochs).seed(seed).metric("accuracy", Metric.accuracy())
        .progress(ProgressBar.silent());
    if (!Double.isNaN(clipNorm)) {
      trainer.clipGradNorm(clipNorm);
    }
    if (held > 0) {
      trainer.validation(BatchSource.fixed(batches(pick(sentences, val), pick(labels, val),
          LengthBuckets.sorted(lengths(pick(sentences, val)), Math.max(batchSize, 256)))))
          .monitor("val_accuracy", true)
          .earlyStopping(new EarlyStopping(patience, 0, true));
    }
    Consumer<EpochResult> report = listener;
    trainer.callback(new TrainingCallback() {
      @Override
      public void onEpochEnd(EpochResult result) {
        report.accept(result);
      }
    });
    int[] fitLengths = lengths(fitX);
    List<EpochResult> history = trainer.fit(s -> batches(fitX, fitY,
        LengthBuckets.epoch(fitLengths, batchSize, s)));
    model.eval();
    return history;
  }

  /** Predicts in eval mode in length-sorted batches and reports against {@code labels}. */
  public ClassificationReport evaluate(SentimentClassifier model, List<int[]> sentences,
      int[] labels) {
    model.eval();
    int[] predicted = new int[sentences.size()];
    for (int[] idx : LengthBuckets.sorted(lengths(sentences), Math.max(batchSize, 256))) {
      int[] p = model.predict(pick(sentences, idx));
      for (int k = 0; k < idx.length; k++) {
        predicted[idx[k]] = p[k];
      }
    }
    return ClassificationReport.of(labels, predicted, model.numClasses());
  }

  /**
   * k-fold cross-validation: for each fold of {@code dataset.folds(k, seed)} a fresh model from
   * {@code factory} is trained on the other folds (less the validation share, with early
   * stopping) and evaluated on this one.
   */
  public CrossValidationResult crossValidate(int k, SentimentDataset dataset,
      SentenceEncoder encoder, Supplier<? extends SentimentClassifier> factory) {
    return crossValidate(k, k, dataset, encoder, factory);
  }

  /**
   * Like {@link #crossValidate(int, SentimentDataset, SentenceEncoder, Supplier)}, but runs only
   * the first {@code foldsToRun} of the {@code k} folds (a quicker estimate with the same splits).
   *
   * @param foldsToRun in {@code [1, k]}
   */
  public CrossValidationResult crossValidate(int k, int foldsToRun, SentimentDataset dataset,
      SentenceEncoder encoder, Supplier<? extends SentimentClassifier> factory) {
    if (foldsToRun < 1 || foldsToRun > k) {
      throw new IllegalArgumentException("foldsToRun must be in [1, " + k + "], got "
          + foldsToRun);
    }
    List<int[]> encoded = encoder.encodeAll(dataset.texts());
    int[] labels = dataset.labels();
    List<ClassificationReport> reports = new ArrayList<>();
    for (Fold fold : dataset.folds(k, seed).subList(0, foldsToRun)) {
      SentimentClassifier model = factory.get();
      train(model, pick(encoded, fold.train()), pick(labels, fold.train()));
      reports.add(evaluate(model, pick(encoded, fold.test()), pick(labels, fold.test())));
    }
    return new CrossValidationResult(reports);
  }

  private static List<Batch<List<int[]>, IntTensor>> batches(List<int[]> xs, int[] ys,
      List<int[]> groups) {
    List<Batch<List<int[]>, IntTensor>> out = new ArrayList<>(groups.size());
    for (int[] idx : groups) {
      out.add(new Batch<>(pick(xs, idx), IntTensor.vector(pick(ys, idx)), idx.length));
    }
    return out;
  }

  private static int[] permutation(int n, long seed) {
    Rng rng = new Rng(seed);
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int[] lengths(List<int[]> xs) {
    int[] l = new int[xs.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = xs.get(i).length;
    }
    return l;
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
