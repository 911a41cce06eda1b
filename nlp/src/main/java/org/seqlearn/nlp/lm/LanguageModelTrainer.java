package org.seqlearn.nlp.lm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.optim.GradClipping;
import org.seqlearn.layers.train.NonFiniteLossException;

/**
 * Trains a {@link RecurrentLanguageModel} with teacher forcing (the input at step t is the true
 * token y⟨t−1⟩, not the model's own guess): per mini-batch, the mean cross-entropy of every
 * predicted token (⟨EOS⟩ included, padding ignored), back-propagation through time, gradient
 * clipping by global norm, and one Adam step.
 *
 * <p>Batches are built by a seeded shuffle each epoch, then sorting each window of 16 batches'
 * worth of sequences by length (less padding), then shuffling the batch order; the same seed
 * gives the same batches.
 *
 * <p>Like the layers' {@code Trainer}, a NaN or infinite loss (before its update) or a weight
 * that a step made NaN or infinite stops training with a {@link NonFiniteLossException} naming
 * the epoch and step; the model is then left as it was before that step (a loss) or with the
 * non-finite weights (a weight), and must not be saved.
 */
public final class LanguageModelTrainer {

  private static final int BUCKET_BATCHES = 16;

  private final RecurrentLanguageModel model;
  private final int eosId;
  private final int padId;
  private final TrainingOptions options;
  private final Adam optimizer;
  private final CrossEntropyLoss loss;
  private int epoch;
  private int batchInEpoch;
  private long steps;

  /**
   * @param eosId the ⟨EOS⟩ id (first input and last target of every sequence)
   * @param padId the padding id, ignored by the loss
   */
  public LanguageModelTrainer(RecurrentLanguageModel model, int eosId, int padId,
      TrainingOptions options) {
    this.model = model;
    this.eosId = eosId;
    this.padId = padId;
    this.options = options;
    this.optimizer = new Adam(model.parameters(), options.learningRate());
    this.loss = new CrossEntropyLoss().withClassAxis(-1).withIgnoreIndex(padId);
  }

  /**
   * Runs every epoch over {@code sequences}.
   *
   * @param sequences token ids without ⟨EOS⟩, at least one
   * @param progress receives a report after every step (see {@link EpochReport#endOfEpoch()}),
   *     or null
   * @return the mean training loss of each epoch, in nats per predicted token
   * @throws NonFiniteLossException when a loss or a weight becomes NaN or infinite
   */
  public double[] train(List<int[]> sequences, Consumer<EpochReport> progress) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("expected at least one training sequence, got none");
    }
    model.train();
    long start = System.nanoTime();
    double[] epochLoss = new double[options.epochs()];
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      this.epoch = epoch + 1;
      List<List<int[]>> batches = batches(sequences, Rng.split(options.seed(), epoch));
      double nats = 0;
      long tokens = 0;
      for (int s = 0; s < batches.size(); s++) {
        TeacherForcedBatch batch = TeacherForcedBatch.of(batches.get(s), eosId, padId);
        batchInEpoch = s + 1;
        double mean = step(batch);
        nats += mean * batch.predictedTokens();
        tokens += batch.predictedTokens();
        if (progress != null) {
          progress.accept(new EpochReport(epoch + 1, options.epochs(), s + 1, batches.size(),
              nats / tokens, (System.nanoTime() - start) / 1e9));
        }
      }
      NonFiniteLossException.requireFiniteWeights(model, epoch + 1, steps);
      epochLoss[epoch] = nats / tokens;
    }
    model.eval();
    return epochLoss;
  }

  /**
   * One optimisation step on one batch; returns its mean loss per predicted token in nats.
   *
   * @throws NonFiniteLossException when the loss is NaN or infinite (before any update; called
   *     outside {@link #train} the message names epoch 0)
   */
  public double step(TeacherForcedBatch batch) {
    steps++;
    optimizer.zeroGrad();
    Tensor logits = model.forward(batch.inputs(), batch.lengths(), null).logits();
    Tensor l = loss.apply(logits, batch.targets());
    float value = l.item();
    if (!Float.isFinite(value)) {
      throw new NonFiniteLossException(value, epoch, steps, batchInEpoch);
    }
    l.backward();
    if (options.clipNorm() > 0) {
      GradClipping.clipGradNorm(model.parameters(), options.clipNorm());
    }
    optimizer.step();
    return value;
  }

  /** The epoch's batches: shuffled, bucketed by length, batch order shuffled again. */
  List<List<int[]>> batches(List<int[]> sequences, Rng rng) {
    List<int[]> order = new ArrayList<>(sequences);
    shuffle(order, rng);
    int window = options.batchSize() * BUCKET_BATCHES;
    List<List<int[]>> batches = new ArrayList<>();
    for (int from = 0; from < order.size(); from += window) {
      List<int[]> bucket = new ArrayList<>(order.subList(from,
          Math.min(order.size(), from + window)));
      bucket.sort(Comparator.comparingInt(s -> s.length));
      for (int b = 0; b < bucket.size(); b += options.batchSize()) {
        batches.add(bucket.subList(b, Math.min(bucket.size(), b + options.batchSize())));
      }
    }
    shuffle(batches, rng);
    return batches;
  }

  /** Fisher–Yates with {@code rng}. */
  static <T> void shuffle(List<T> list, Rng rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T tmp = list.get(i);
      list.set(i, list.get(j));
      list.set(j, tmp);
    }
  }
}
