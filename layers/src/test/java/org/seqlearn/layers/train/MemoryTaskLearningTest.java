package org.seqlearn.layers.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * A task that needs memory: sequences of {@value #TIME} random tokens whose label is the token
 * seen at step 0. An LSTM read out at the last step learns it; a model that sees only the last
 * step (no state) cannot do better than chance.
 */
class MemoryTaskLearningTest {

  static final int TIME = 20;
  static final int CLASSES = 4;
  static final int TRAIN = 1024;
  static final int VALID = 256;

  /** ids [n, TIME] with labels [n] = ids[:, 0]. */
  record Data(int[] ids, int[] labels, int n) {
    static Data random(int n, long seed) {
      Rng rng = new Rng(seed);
      int[] ids = new int[n * TIME];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < TIME; t++) {
          ids[i * TIME + t] = rng.nextInt(CLASSES);
        }
        labels[i] = ids[i * TIME];
      }
      return new Data(ids, labels, n);
    }

    Batch<IntTensor, IntTensor> batch(int[] rows) {
      int[] x = new int[rows.length * TIME];
      int[] y = new int[rows.length];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(ids, rows[r] * TIME, x, r * TIME, TIME);
        y[r] = labels[rows[r]];
      }
      return new Batch<>(IntTensor.of(x, rows.length, TIME), IntTensor.vector(y), rows.length);
    }

    BatchSource<IntTensor, IntTensor> shuffled(int batchSize) {
      return BatchSource.shuffledExamples(n, batchSize, this::batch);
    }

    BatchSource<IntTensor, IntTensor> all() {
      int[] rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      return BatchSource.fixed(List.of(batch(rows)));
    }
  }

  /**
   * Embedding -> LSTM (last step) -> Linear. The forget gate's bias starts at +3 (Jozefowicz et
   * al., 2015), so the cell keeps its content by default and the gradient from the label reaches
   * step 0 from the first updates.
   */
  static final class LstmClassifier extends Module {
    final Embedding embedding = registerModule("embedding",
        new Embedding(CLASSES, 8, Embedding.NO_PADDING, 1L));
    final Lstm lstm = registerModule("lstm", new Lstm(8, 24, RecurrentOptions.defaults()
        .batchFirst(true).returnSequences(false).seed(2))).initForgetGateBias(3f);
    final Linear head = registerModule("head", new Linear(24, CLASSES, true, 3L));

    Tensor forward(IntTensor ids) {
      return head.forward(lstm.forward(embedding.forward(ids)).output());
    }
  }

  /** Embedding of the last step only -> Linear: no state, so no memory of step 0. */
  static final class LastStepClassifier extends Module {
    final Embedding embedding = registerModule("embedding",
        new Embedding(CLASSES, 8, Embedding.NO_PADDING, 1L));
    final Linear head = registerModule("head", new Linear(8, CLASSES, true, 3L));

    Tensor forward(IntTensor ids) {
      Tensor e = embedding.forward(ids);
      return head.forward(e.slice(1, TIME - 1, TIME).squeeze(1));
    }
  }

  private static double train(Module model, Function<IntTensor, Tensor> forward, int epochs,
      Data train, Data valid) {
    CrossEntropyLoss ce = new CrossEntropyLoss();
    Trainer<IntTensor, IntTensor> trainer = new Trainer<IntTensor, IntTensor>(model,
        new Adam(model.parameters(), 0.02), forward, (out, y) -> ce.apply(out, y))
        .epochs(epochs).seed(4).clipGradNorm(5.0).metric("accuracy", Metric.accuracy())
        .validation(valid.all()).progress(ProgressBar.silent());
    trainer.callback(new TrainingCallback() {
      @Override
      public void onEpochEnd(EpochResult r) {
        if (r.metric("val_accuracy") > 0.97) {
          trainer.requestStop();
        }
      }
    });
    List<EpochResult> history = trainer.fit(train.shuffled(32));
    return history.get(history.size() - 1).metric("val_accuracy");
  }

  @Test
  void lstmRemembersTheFirstTokenWhileAStatelessModelCannot() {
    Data train = Data.random(TRAIN, 10L);
    Data valid = Data.random(VALID, 11L);
    LstmClassifier lstm = new LstmClassifier();
    double lstmAccuracy = train(lstm, lstm::forward, 12, train, valid);
    LastStepClassifier last = new LastStepClassifier();
    double lastAccuracy = train(last, last::forward, 5, train, valid);
    assertThat(lstmAccuracy).as("LSTM validation accuracy").isGreaterThan(0.9);
    assertThat(lastAccuracy).as("last-step-only validation accuracy (chance 0.25)")
        .isLessThan(0.4);
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      assertThat(lstm.forward(valid.all().epoch(0).get(0).inputs()).shape())
          .containsExactly(VALID, CLASSES);
    }
  }
}
