package org.seqlearn.layers.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.optim.GradClipping;
import org.seqlearn.layers.optim.LrScheduler;
import org.seqlearn.layers.optim.Optimizer;

/**
 * The training loop: epochs over shuffled mini-batches, a loss, an optimizer, and the usual
 * extras — a learning-rate schedule, gradient clipping, validation with metrics after each epoch,
 * early stopping with restoring of the best weights, atomic checkpoints, callbacks, and a
 * progress bar that is quiet when the output is not a terminal. A NaN or infinite loss, or a
 * weight that a step made NaN or infinite, stops training with a {@link NonFiniteLossException}
 * naming the epoch and step.
 *
 * <pre>{@code
 * Trainer<IntTensor, IntTensor> trainer = new Trainer<>(model, new Adam(model.parameters(), 1e-3),
 *         model::forward, (logits, y) -> ce.apply(logits, y))
 *     .epochs(20).metric("accuracy", Metric.accuracy()).validation(val)
 *     .earlyStopping(new EarlyStopping(3, 1e-4, true))
 *     .checkpoints(new Checkpoints(dir, 5, true));
 * List<EpochResult> history = trainer.fit(train);
 * }</pre>
 *
 * <p>Metric names: {@code loss} and each metric on training batches (as they were trained, in
 * training mode), {@code val_loss} and {@code val_<name>} on the validation batches (eval mode,
 * no grad). The monitored metric defaults to {@code val_loss} with validation, else {@code loss}.
 *
 * <p><b>What the monitored score measures.</b> Early stopping, restoring the best weights and
 * {@code best.safetensors} all keep the weights as they are at the end of an epoch, so the score
 * they compare must be measured on exactly those weights. A validation metric ({@code val_*}) is.
 * A training metric ({@code loss}, {@code accuracy}, ...) is not: its value is the mean over the
 * epoch's batches, each measured before its own update, so it describes weights that no longer
 * exist (a diverging last update can make it 7.27 while the end-of-epoch weights score 394). So
 * when a training metric {@code m} is monitored, the trainer measures it again after the epoch on
 * the training batches, like a validation pass (eval mode, no grad), reports it as {@code end_m}
 * (e.g. {@code end_loss}) and compares that; {@code m} itself keeps its usual meaning. This costs
 * one forward pass over the training data per epoch, and only when something uses the score.
 *
 * @param <I> the model's input type
 * @param <T> the targets' type
 */
public final class Trainer<I, T> {

  /** Prefix of a training metric measured on the end-of-epoch weights. */
  private static final String END = "end_";

  private final Module model;
  private final Optimizer optimizer;
  private final Function<I, Tensor> forward;
  private final LossFunction<T> loss;
  private final Map<String, Metric<T>> metrics = new LinkedHashMap<>();
  private final List<TrainingCallback> callbacks = new ArrayList<>();
  private int epochs = 1;
  private long seed;
  private LrScheduler scheduler;
  private boolean schedulePerBatch;
  private double clipNorm = Double.NaN;
  private BatchSource<I, T> validation;
  private String monitor;
  private boolean maximize;
  private EarlyStopping earlyStopping;
  private Checkpoints checkpoints;
  private ProgressBar progress = ProgressBar.forConsole();
  private boolean stopRequested;

  /**
   * @param model the model; its parameters should be those of {@code optimizer}
   * @param forward maps a batch's inputs to the output the loss takes (e.g. logits)
   * @param loss the objective
   */
  public Trainer(Module model, Optimizer optimizer, Function<I, Tensor> forward,
      LossFunction<T> loss) {
    if (model == null || optimizer == null || forward == null || loss == null) {
      throw new IllegalArgumentException("model, optimizer, forward and loss must be non-null");
    }
    this.model = model;
    this.optimizer = optimizer;
    this.forward = forward;
    this.loss = loss;
  }

  /** Number of epochs, {@code >= 1} (default 1). */
  public Trainer<I, T> epochs(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + value);
    }
    epochs = value;
    return this;
  }

  /** Seed of the per-epoch shuffling (default 0). */
  public Trainer<I, T> seed(long value) {
    seed = value;
    return this;
  }

  /** A learning-rate schedule stepped after every epoch, or after every batch. */
  public Trainer<I, T> scheduler(LrScheduler value, boolean perBatch) {
    scheduler = value;
    schedulePerBatch = perBatch;
    return this;
  }

  /** Clips the global L2 norm of the gradients to {@code maxNorm} before each step. */
  public Trainer<I, T> clipGradNorm(double maxNorm) {
    if (!(maxNorm > 0)) {
      throw new IllegalArgumentException("maxNorm must be > 0, got " + maxNorm);
    }
    clipNorm = maxNorm;
    return this;
  }

  /** Adds a metric computed on training and validation batches. */
  public Trainer<I, T> metric(String name, Metric<T> metric) {
    if (name.equals("loss") || name.startsWith("val_") || name.startsWith(END)) {
      throw new IllegalArgumentException("metric name '" + name + "' is reserved");
    }
    metrics.put(name, metric);
    return this;
  }

  /** Batches evaluated after every epoch (in eval mode, without grad). */
  public Trainer<I, T> validation(BatchSource<I, T> value) {
    validation = value;
    return this;
  }

  /**
   * The metric that early stopping and best checkpoints watch, and whether higher is better; a
   * training metric is measured on the end-of-epoch weights (see the class comment).
   */
  public Trainer<I, T> monitor(String name, boolean higherIsBetter) {
    monitor = name;
    maximize = higherIsBetter;
    return this;
  }

  /** Stops when the monitored metric stops improving. */
  public Trainer<I, T> earlyStopping(EarlyStopping value) {
    earlyStopping = value;
    return this;
  }

  /** Writes checkpoints. */
  public Trainer<I, T> checkpoints(Checkpoints value) {
    checkpoints = value;
    return this;
  }

  /** Adds a callback. */
  public Trainer<I, T> callback(TrainingCallback value) {
    callbacks.add(value);
    return this;
  }

  /** Where progress goes (default {@link ProgressBar#forConsole()}). */
  public Trainer<I, T> progress(ProgressBar value) {
    progress = value == null ? ProgressBar.silent() : value;
    return this;
  }

  /** Asks the loop to stop after the current epoch (e.g. from a callback). */
  public void requestStop() {
    stopRequested = true;
  }

  /**
   * Trains. The model is left in training mode, with the best weights when early stopping
   * restores them.
   *
   * @return one result per epoch run
   * @throws NonFiniteLossException when a loss is NaN or infinite
   * @throws UncheckedIOException when a checkpoint cannot be read or written
   * @throws IllegalStateException when the checkpoint directory's {@code best.safetensors} was
   *     saved monitoring another metric (see {@link Checkpoints})
   */
  public List<EpochResult> fit(BatchSource<I, T> train) {
    String watched = monitor != null ? monitor : validation != null ? "val_loss" : "loss";
    boolean scored = earlyStopping != null || (checkpoints != null && checkpoints.savesBest());
    String scoreName = watched.startsWith("val_") || watched.startsWith(END) ? watched
        : END + watched;
    if (checkpoints != null) {
      try {
        checkpoints.begin(watched, maximize);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the best checkpoint " + checkpoints.bestFile(), e);
      }
    }
    List<EpochResult> history = new ArrayList<>();
    if (earlyStopping != null) {
      earlyStopping.reset();
    }
    stopRequested = false;
    double best = Double.NaN;
    Map<String, Tensor> bestState = null;
    long step = 0;
    for (int epoch = 1; epoch <= epochs && !stopRequested; epoch++) {
      long started = System.nanoTime();
      model.train();
      List<Batch<I, T>> batches = train.epoch(Rng.split(seed, epoch).nextLong());
      if (batches.isEmpty()) {
        throw new IllegalArgumentException("the training source gave no batches for epoch "
            + epoch + "; expected at least 1");
      }
      progress.startEpoch(epoch, epochs, batches.size());
      Averages avg = new Averages();
      int index = 0;
      for (Batch<I, T> batch : batches) {
        index++;
        step++;
        optimizer.zeroGrad();
        Tensor output = forward.apply(batch.inputs());
        Tensor l = loss.apply(output, batch.targets());
        float value = l.item();
        if (!Float.isFinite(value)) {
          throw new NonFiniteLossException(value, epoch, step, index);
        }
        l.backward();
        if (!Double.isNaN(clipNorm)) {
          GradClipping.clipGradNorm(optimizer.params(), clipNorm);
        }
        optimizer.step();
        if (scheduler != null && schedulePerBatch) {
          scheduler.step();
        }
        avg.add("loss", value, batch.size());
        try (GradMode.Scope ignored = GradMode.noGrad()) {
          for (Map.Entry<String, Metric<T>> m : metrics.entrySet()) {
            avg.add(m.getKey(), m.getValue().value(output.detach(), batch.targets()),
                batch.size());
          }
        }
        progress.batchDone(index, avg.mean("loss"), batch.size());
        for (TrainingCallback c : callbacks) {
          c.onBatchEnd(epoch, step, value);
        }
      }
      NonFiniteLossException.requireFiniteWeights(model, epoch, step);
      Map<String, Double> results = avg.means();
      if (scored && scoreName.startsWith(END)) {
        results.putAll(evaluate(batches, END));
      }
      if (validation != null) {
        results.putAll(evaluate(validation.epoch(0L), "val_"));
      }
      if (scheduler != null && !schedulePerBatch) {
        scheduler.step();
      }
      EpochResult result = new EpochResult(epoch, step, results, optimizer.lr(),
          (System.nanoTime() - started) / 1e9);
      history.add(result);
      double current = scored ? result.metric(scoreName) : Double.NaN;
      boolean improved = Double.isNaN(best) || (maximize ? current > best : current < best);
      if (improved) {
        best = current;
        if (earlyStopping != null && earlyStopping.restoreBestWeights()) {
          bestState = model.stateDict();
        }
      }
      if (checkpoints != null) {
        try {
          checkpoints.save(model, result, watched, maximize, current);
        } catch (IOException e) {
          throw new UncheckedIOException("writing the checkpoint of epoch " + epoch, e);
        }
      }
      progress.endEpoch(result, batches.size());
      if (earlyStopping != null && earlyStopping.update(current, maximize)) {
        stopRequested = true;
      }
      for (TrainingCallback c : callbacks) {
        c.onEpochEnd(result);
      }
    }
    if (bestState != null) {
      model.loadStateDict(bestState);
    }
    model.train();
    return history;
  }

  /**
   * Loss and metrics of the model's current weights over {@code batches}, in eval mode without
   * grad, named {@code <prefix>loss} and {@code <prefix><metric>}.
   */
  private Map<String, Double> evaluate(List<Batch<I, T>> batches, String prefix) {
    Averages avg = new Averages();
    model.eval();
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      for (Batch<I, T> batch : batches) {
        Tensor output = forward.apply(batch.inputs());
        avg.add(prefix + "loss", loss.apply(output, batch.targets()).item(), batch.size());
        for (Map.Entry<String, Metric<T>> m : metrics.entrySet()) {
          avg.add(prefix + m.getKey(), m.getValue().value(output, batch.targets()),
              batch.size());
        }
      }
    } finally {
      model.train();
    }
    return avg.means();
  }

  /** Example-weighted running means by name, in first-seen order. */
  private static final class Averages {
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    void add(String name, double value, int weight) {
      double[] s = sums.computeIfAbsent(name, k -> new double[2]);
      s[0] += value * weight;
      s[1] += weight;
    }

    double mean(String name) {
      double[] s = sums.get(name);
      return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    Map<String, Double> means() {
      Map<String, Double> out = new LinkedHashMap<>();
      for (String name : sums.keySet()) {
        out.put(name, mean(name));
      }
      return out;
    }
  }
}
