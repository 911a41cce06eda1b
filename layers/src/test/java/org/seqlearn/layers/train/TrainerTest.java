package org.seqlearn.layers.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.MseLoss;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.optim.Sgd;
import org.seqlearn.layers.optim.StepLr;

/** Early stopping, checkpoints, NaN detection, progress output and callbacks of the Trainer. */
class TrainerTest {

  private final Linear model = new Linear(2, 1, true, 1L);
  private final MseLoss mse = new MseLoss();

  /** Three batches of a linear regression y = x0 - 2 x1. */
  private static BatchSource<Tensor, Tensor> data() {
    return BatchSource.shuffledBatches(CheckpointScoreTest.batches());
  }

  /** A loss whose validation value (computed under no-grad) follows a script. */
  private LossFunction<Tensor> scriptedValidation(double... script) {
    int[] calls = {0};
    return (out, y) -> {
      if (!GradMode.isEnabled()) {
        return Tensor.scalar((float) script[calls[0]++ / 3]);
      }
      return mse.apply(out, y);
    };
  }

  private final Sgd sgd = new Sgd(model.parameters(), 0.1);

  private Trainer<Tensor, Tensor> trainer(LossFunction<Tensor> loss) {
    return new Trainer<Tensor, Tensor>(model, sgd, model::forward, loss)
        .progress(ProgressBar.silent()).validation(data());
  }

  @Test
  void earlyStoppingTriggersAndRestoresTheBestWeights() {
    Map<Integer, Map<String, Tensor>> snapshots = new HashMap<>();
    Trainer<Tensor, Tensor> t = trainer(scriptedValidation(1.0, 0.5, 0.6, 0.7, 0.1, 0.1))
        .epochs(6).earlyStopping(new EarlyStopping(2, 0.0, true))
        .callback(new TrainingCallback() {
          @Override
          public void onEpochEnd(EpochResult r) {
            snapshots.put(r.epoch(), model.stateDict());
          }
        });
    List<EpochResult> history = t.fit(data());
    assertThat(history).hasSize(4);
    assertThat(history.get(1).metric("val_loss")).isEqualTo(0.5);
    assertThat(model.weight().toArray())
        .containsExactly(snapshots.get(2).get("weight").toArray())
        .doesNotContain(snapshots.get(4).get("weight").toArray());
  }

  @Test
  void minDeltaCountsSmallImprovementsAsNone() {
    List<EpochResult> history = trainer(scriptedValidation(1.0, 0.99, 0.98, 0.97, 0.5))
        .epochs(5).earlyStopping(new EarlyStopping(2, 0.05, false)).fit(data());
    assertThat(history).hasSize(3);
  }

  @Test
  void checkpointsAreWrittenAndReloadToIdenticalWeights(@TempDir Path dir) throws IOException {
    Map<Integer, Map<String, Tensor>> snapshots = new HashMap<>();
    Checkpoints cp = new Checkpoints(dir.resolve("ckpt"), 2, true);
    trainer(scriptedValidation(1.0, 0.4, 0.6, 0.5, 0.7)).epochs(5).checkpoints(cp)
        .callback(new TrainingCallback() {
          @Override
          public void onEpochEnd(EpochResult r) {
            snapshots.put(r.epoch(), model.stateDict());
          }
        }).fit(data());
    assertThat(cp.epochFile(2)).exists();
    assertThat(cp.epochFile(4)).exists();
    assertThat(cp.epochFile(3)).doesNotExist();
    try (var files = Files.list(dir.resolve("ckpt"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "epoch-0002.safetensors", "epoch-0004.safetensors", "best.safetensors");
    }
    Linear fresh = new Linear(2, 1, true, 99L);
    Map<String, String> meta = fresh.load(cp.bestFile());
    assertThat(meta).containsEntry("epoch", "2").containsEntry("step", "6")
        .containsEntry("monitor", "val_loss").containsEntry("val_loss", "0.4000000059604645");
    assertThat(fresh.weight().toArray()).containsExactly(snapshots.get(2).get("weight").toArray());
    fresh.load(cp.epochFile(4));
    assertThat(fresh.bias().toArray()).containsExactly(snapshots.get(4).get("bias").toArray());
  }

  @Test
  void schedulerStepsPerEpochOrPerBatch() {
    List<EpochResult> perEpoch = trainer(mse::apply).epochs(3)
        .scheduler(new StepLr(sgd, 1, 0.5), false).fit(data());
    assertThat(perEpoch).extracting(EpochResult::learningRate).containsExactly(0.05, 0.025,
        0.0125);
    sgd.setLr(0.1);
    List<EpochResult> perBatch = trainer(mse::apply).epochs(1)
        .scheduler(new StepLr(sgd, 1, 0.5), true).fit(data());
    assertThat(perBatch.get(0).learningRate()).isEqualTo(0.1 / 8);
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    float[][] weights = new float[2][];
    for (int run = 0; run < 2; run++) {
      Linear m = new Linear(2, 1, true, 1L);
      new Trainer<Tensor, Tensor>(m, new Sgd(m.parameters(), 0.1), m::forward, mse::apply)
          .epochs(3).seed(9).progress(ProgressBar.silent()).fit(data());
      weights[run] = m.weight().toArray();
    }
    assertThat(weights[1]).containsExactly(weights[0]);
  }

  @Test
  void nonFiniteLossNamesTheEpochAndStepAndSkipsTheUpdate() {
    int[] calls = {0};
    LossFunction<Tensor> exploding = (out, y) -> ++calls[0] == 5
        ? mse.apply(out, y).mul(Float.NaN) : mse.apply(out, y);
    Map<String, Tensor> lastGood = new HashMap<>();
    Trainer<Tensor, Tensor> t = trainer(exploding).validation(null).epochs(3)
        .callback(new TrainingCallback() {
          @Override
          public void onBatchEnd(int epoch, long step, double loss) {
            lastGood.putAll(model.stateDict());
          }
        });
    // Three batches per epoch and no validation: the 5th loss is epoch 2, step 5, batch 2.
    assertThatThrownBy(() -> t.fit(data()))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("loss is NaN at epoch 2, step 5 (batch 2 of the epoch)")
        .satisfies(e -> assertThat(((NonFiniteLossException) e).epoch()).isEqualTo(2));
    assertThat(model.weight().toArray()).containsExactly(lastGood.get("weight").toArray());
  }

  @Test
  void progressIsOneLinePerEpochWhenNotATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    trainer(mse::apply).metric("neg", (o, y) -> -1.0).epochs(3)
        .progress(new ProgressBar(out, false)).fit(data());
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").doesNotContain("ETA");
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).startsWith("epoch 3/3: loss ").contains(" neg -1.0000", " val_loss ",
        " val_neg ", "batch/s", "samples/s");
  }

  @Test
  void progressBarRedrawsInPlaceOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    trainer(mse::apply).epochs(1).progress(new ProgressBar(out, true)).fit(data());
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\repoch 1/1 [", "3/3",
        "batch/s", "ETA 0:00");
  }

  @Test
  void consoleProgressIsQuietUnderTestRunners() {
    assumeTrue(System.console() == null || !ProgressBar.isTerminal());
    assertThat(ProgressBar.forConsole().isInteractive()).isFalse();
  }

  @Test
  void trainingReducesTheLossAndCallbacksSeeEverySteps() {
    List<Long> steps = new ArrayList<>();
    List<EpochResult> h = trainer(mse::apply).epochs(20).clipGradNorm(10)
        .callback(new TrainingCallback() {
          @Override
          public void onBatchEnd(int epoch, long step, double loss) {
            steps.add(step);
          }
        }).fit(data());
    assertThat(steps).hasSize(60).startsWith(1L, 2L).endsWith(60L);
    assertThat(h.get(19).metric("val_loss")).isLessThan(0.05 * h.get(0).metric("val_loss"));
    assertThatThrownBy(() -> h.get(0).metric("acc")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("val_loss");
  }
}
