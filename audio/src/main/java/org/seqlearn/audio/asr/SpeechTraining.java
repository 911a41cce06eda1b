package org.seqlearn.audio.asr;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.layers.loss.CtcLoss;
import org.seqlearn.layers.loss.Reduction;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.train.Batch;
import org.seqlearn.layers.train.BatchSource;
import org.seqlearn.layers.train.EpochResult;
import org.seqlearn.layers.train.ProgressBar;
import org.seqlearn.layers.train.Trainer;
import org.seqlearn.layers.train.TrainingCallback;

/**
 * Trains a {@link CtcSpeechModel} with the {@link Trainer}: Adam, CTC loss (mean over the batch of
 * each loss divided by its target length, PyTorch's default; impossible alignments count zero),
 * gradient-norm clipping at 5, mini-batches of utterances shuffled each epoch (zero-padded to
 * the longest in the batch).
 */
public final class SpeechTraining {
  private int epochs = 20;
  private int batchSize = 16;
  private double learningRate = 2e-3;
  private long seed = 15;
  private ProgressBar progress = ProgressBar.silent();
  private TrainingCallback callback;
  private double budgetMinutes;

  public SpeechTraining epochs(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("expected epochs >= 1, got " + value);
    }
    epochs = value;
    return this;
  }

  public SpeechTraining batchSize(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("expected a batch size >= 1, got " + value);
    }
    batchSize = value;
    return this;
  }

  public SpeechTraining learningRate(double value) {
    if (!(value > 0)) {
      throw new IllegalArgumentException("expected a learning rate > 0, got " + value);
    }
    learningRate = value;
    return this;
  }

  public SpeechTraining seed(long value) {
    seed = value;
    return this;
  }

  public SpeechTraining progress(ProgressBar value) {
    progress = value;
    return this;
  }

  /** Stops after the first epoch that ends past this many minutes (0: no limit). */
  public SpeechTraining timeBudget(double minutes) {
    if (!(minutes >= 0)) {
      throw new IllegalArgumentException("expected a time budget >= 0 minutes, got " + minutes);
    }
    budgetMinutes = minutes;
    return this;
  }

  public SpeechTraining callback(TrainingCallback value) {
    callback = value;
    return this;
  }

  /** Trains in place; returns the per-epoch results (metric {@code loss}). */
  public List<EpochResult> fit(CtcSpeechModel model, List<Utterance> train) {
    if (train.isEmpty()) {
      throw new IllegalArgumentException("expected training utterances, got none");
    }
    CtcLoss ctc = new CtcLoss().withBatchFirst(true).withZeroInfinity(true)
        .withReduction(Reduction.MEAN);
    BatchSource<SpeechBatch, SpeechBatch> source =
        BatchSource.shuffledExamples(train.size(), batchSize, idx -> {
          List<Utterance> us = new ArrayList<>();
          for (int i : idx) {
            us.add(train.get(i));
          }
          SpeechBatch b = SpeechBatch.of(us);
          return new Batch<>(b, b, idx.length);
        });
    Trainer<SpeechBatch, SpeechBatch> trainer = new Trainer<SpeechBatch, SpeechBatch>(model,
        new Adam(model.parameters(), learningRate),
        (SpeechBatch b) -> model.forward(b.features(), b.lengths()),
        (out, b) -> ctc.apply(out, b.targets(), b.outputLengths(), b.targetLengths()));
    trainer.epochs(epochs).seed(seed).clipGradNorm(5).progress(progress);
    long start = System.nanoTime();
    trainer.callback(new TrainingCallback() {
      @Override
      public void onBatchEnd(int epoch, long step, double loss) {
        if (callback != null) {
          callback.onBatchEnd(epoch, step, loss);
        }
      }

      @Override
      public void onEpochEnd(EpochResult result) {
        if (callback != null) {
          callback.onEpochEnd(result);
        }
        if (budgetMinutes > 0 && (System.nanoTime() - start) / 60e9 > budgetMinutes) {
          trainer.requestStop();
        }
      }
    });
    return trainer.fit(source);
  }
}
