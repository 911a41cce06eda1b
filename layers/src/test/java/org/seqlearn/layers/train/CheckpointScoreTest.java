package org.seqlearn.layers.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.MseLoss;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.optim.Sgd;

/**
 * The best checkpoint keeps its score with it: a repeated or resumed {@code fit()} compares with
 * the stored score, and the score stored is the one of the stored weights.
 */
class CheckpointScoreTest {

  private final MseLoss mse = new MseLoss();

  /** Three batches of four examples of y = x0 - 2 x1 (also {@link TrainerTest}'s data). */
  static List<Batch<Tensor, Tensor>> batches() {
    List<Batch<Tensor, Tensor>> batches = new ArrayList<>();
    for (int b = 0; b < 3; b++) {
      Tensor x = Tensor.uniform(-1f, 1f, 10L + b, 4, 2);
      float[] y = new float[4];
      for (int i = 0; i < 4; i++) {
        y[i] = x.get(i, 0) - 2 * x.get(i, 1);
      }
      batches.add(new Batch<>(x, Tensor.wrap(y, 4, 1), 4));
    }
    return batches;
  }

  /** A loss whose validation value (under no-grad, one call per batch) is {@code value}. */
  private LossFunction<Tensor> validationLoss(double value) {
    return (out, y) -> GradMode.isEnabled() ? mse.apply(out, y) : Tensor.scalar((float) value);
  }

  private Trainer<Tensor, Tensor> trainer(Linear model, double lr, LossFunction<Tensor> loss) {
    return new Trainer<Tensor, Tensor>(model, new Sgd(model.parameters(), lr), model::forward,
        loss).progress(ProgressBar.silent());
  }

  @Test
  void aRepeatedFitDoesNotReplaceABetterBestCheckpoint(@TempDir Path dir) throws IOException {
    Checkpoints cp = new Checkpoints(dir, 0, true);
    Linear good = new Linear(2, 1, true, 1L);
    trainer(good, 0.1, validationLoss(0.61)).validation(BatchSource.shuffledBatches(batches()))
        .checkpoints(cp).fit(BatchSource.shuffledBatches(batches()));
    byte[] saved = Files.readAllBytes(cp.bestFile());

    // a second run in the same directory (a new Checkpoints, as after a restart) that diverges
    Linear diverged = new Linear(2, 1, true, 2L);
    trainer(diverged, 0.1, validationLoss(1.6e33))
        .validation(BatchSource.shuffledBatches(batches())).epochs(2)
        .checkpoints(new Checkpoints(dir, 0, true)).fit(BatchSource.shuffledBatches(batches()));
    assertThat(Files.readAllBytes(cp.bestFile())).isEqualTo(saved);

    // a better one does replace it
    trainer(new Linear(2, 1, true, 3L), 0.1, validationLoss(0.5))
        .validation(BatchSource.shuffledBatches(batches()))
        .checkpoints(new Checkpoints(dir, 0, true)).fit(BatchSource.shuffledBatches(batches()));
    Map<String, String> meta = new Linear(2, 1, true, 4L).load(cp.bestFile());
    assertThat(meta).containsEntry("monitor", "val_loss").containsEntry("monitor_mode", "min")
        .containsEntry("monitor_value", Double.toString((float) 0.5));
  }

  @Test
  void aBestCheckpointOfAnotherMonitorIsRefusedBeforeTraining(@TempDir Path dir) {
    trainer(new Linear(2, 1, true, 1L), 0.1, validationLoss(0.6))
        .validation(BatchSource.shuffledBatches(batches()))
        .checkpoints(new Checkpoints(dir, 0, true)).fit(BatchSource.shuffledBatches(batches()));
    Linear other = new Linear(2, 1, true, 2L);
    float[] before = other.weight().toArray();
    assertThatThrownBy(() -> trainer(other, 0.1, validationLoss(0.6))
        .validation(BatchSource.shuffledBatches(batches())).monitor("val_loss", true)
        .checkpoints(new Checkpoints(dir, 0, true)).fit(BatchSource.shuffledBatches(batches())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("best.safetensors").hasMessageContaining("'val_loss' (min)")
        .hasMessageContaining("'val_loss' (max)");
    assertThat(other.weight().toArray()).containsExactly(before);
  }

  @Test
  void aBestCheckpointWithoutAScoreIsRefused(@TempDir Path dir) throws IOException {
    Linear model = new Linear(2, 1, true, 1L);
    model.save(dir.resolve(Checkpoints.BEST), Map.of("monitor", "val_loss"));
    assertThatThrownBy(() -> trainer(model, 0.1, validationLoss(0.6))
        .validation(BatchSource.shuffledBatches(batches()))
        .checkpoints(new Checkpoints(dir, 0, true)).fit(BatchSource.shuffledBatches(batches())))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no finite score");
  }

  /** Example-weighted mean MSE of {@code model} over the batches (all of size 4). */
  private double meanLoss(Linear model) {
    double sum = 0;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      for (Batch<Tensor, Tensor> b : batches()) {
        sum += mse.apply(model.forward(b.inputs()), b.targets()).item();
      }
    }
    return sum / 3;
  }

  @Test
  void aMonitoredTrainingLossIsTheLossOfTheSavedWeights(@TempDir Path dir) throws IOException {
    Checkpoints cp = new Checkpoints(dir, 0, true);
    Linear model = new Linear(2, 1, true, 1L);
    // a learning rate that makes every step overshoot: the loss grows within the epoch
    List<EpochResult> history = trainer(model, 1.5, mse::apply).checkpoints(cp)
        .fit(BatchSource.shuffledBatches(batches()));
    Linear saved = new Linear(2, 1, true, 9L);
    Map<String, String> meta = saved.load(cp.bestFile());
    double actual = meanLoss(saved);
    double runningMean = history.get(0).metric("loss");
    assertThat(actual).isGreaterThan(10 * runningMean); // the weights diverged in the epoch
    assertThat(meta).containsEntry("monitor", "loss");
    assertThat(Double.parseDouble(meta.get("monitor_value"))).isCloseTo(actual,
        within(1e-5 * actual));
    assertThat(history.get(0).metric("end_loss")).isCloseTo(actual, within(1e-5 * actual));
  }

  @Test
  void earlyStoppingOnTrainingLossRestoresWeightsThatScoreWhatItSaw() {
    Linear model = new Linear(2, 1, true, 1L);
    List<EpochResult> history = trainer(model, 1.5, mse::apply).epochs(4)
        .earlyStopping(new EarlyStopping(1, 0, true)).fit(BatchSource.shuffledBatches(batches()));
    double bestSeen = history.stream().mapToDouble(r -> r.metric("end_loss")).min().orElseThrow();
    assertThat(meanLoss(model)).isCloseTo(bestSeen, within(1e-5 * bestSeen));
  }

  @Test
  void weightsMadeNonFiniteByTheLastStepStopTraining(@TempDir Path dir) {
    Linear model = new Linear(2, 1, true, 1L);
    LossFunction<Tensor> huge = (out, y) -> mse.apply(out, y).mul(1e30f);
    assertThatThrownBy(() -> trainer(model, 1e10, huge).checkpoints(new Checkpoints(dir, 1, true))
        .fit(BatchSource.shuffledBatches(batches().subList(0, 1))))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("after epoch 1, step 1");
    assertThat(dir).isEmptyDirectory();
  }
}
