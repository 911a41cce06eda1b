package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.parallel.ComputePool;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.MseLoss;
import org.seqlearn.layers.optim.Adam;

/**
 * Recurrent training is bit-identical between two runs with the same seed and the same number of
 * threads, with one thread and with two (where the blocked recurrence and the GEMMs really split
 * their work). The thread count is fixed per JVM ({@value ComputePool#PROPERTY}), so each run is
 * a child JVM that prints the bits of every trained weight.
 */
class RecurrentDeterminismTest {

  private static final int BATCH = 8;
  private static final int TIME = 12;
  private static final int INPUT = 16;
  private static final int HIDDEN = 64;

  /** Child process: trains a 2-layer LSTM for a few Adam steps and prints its weights' bits. */
  public static final class TrainAndPrint {
    public static void main(String[] args) {
      Rng rng = new Rng(11);
      Tensor x = Tensor.uniform(-1f, 1f, rng, BATCH, TIME, INPUT);
      Tensor y = Tensor.uniform(-1f, 1f, rng, BATCH, HIDDEN);
      int[] lengths = new int[BATCH];
      for (int b = 0; b < BATCH; b++) {
        lengths[b] = TIME - rng.nextInt(4);
      }
      Lstm lstm = new Lstm(INPUT, HIDDEN, RecurrentOptions.defaults().numLayers(2)
          .batchFirst(true).returnSequences(false).seed(3));
      Adam adam = new Adam(lstm.parameters(), 0.01);
      MseLoss mse = new MseLoss();
      for (int step = 0; step < 5; step++) {
        adam.zeroGrad();
        Tensor loss = mse.apply(lstm.forward(x, lengths).output(), y);
        loss.backward();
        adam.step();
      }
      StringBuilder out = new StringBuilder("threads=" + ComputePool.threads() + "\n");
      for (Map.Entry<String, Tensor> p : lstm.stateDict().entrySet()) {
        long hash = 17;
        for (float v : p.getValue().data()) {
          hash = hash * 31 + Float.floatToRawIntBits(v);
        }
        out.append(p.getKey()).append(' ').append(Long.toHexString(hash)).append('\n');
      }
      System.out.print(out);
    }
  }

  private static String run(int threads) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto",
        "--add-modules", "jdk.incubator.vector", "-D" + ComputePool.PROPERTY + "=" + threads,
        "-cp", System.getProperty("java.class.path"), TrainAndPrint.class.getName()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void theStepWorkIsLargeEnoughToRunInParallel() {
    long gateWidth = 4L * HIDDEN;
    assertThat(BATCH * gateWidth * (HIDDEN + INPUT))
        .isGreaterThanOrEqualTo(BlockedRecurrence.PARALLEL_MIN_STEP_WORK);
  }

  @Test
  void oneThreadTwiceGivesIdenticalWeights() throws Exception {
    String first = run(1);
    assertThat(first).startsWith("threads=1\n").contains("weight_hh_l1 ");
    assertThat(run(1)).isEqualTo(first);
  }

  @Test
  void twoThreadsTwiceGiveIdenticalWeights() throws Exception {
    String first = run(2);
    assertThat(first).startsWith("threads=2\n").contains("weight_hh_l1 ");
    assertThat(run(2)).isEqualTo(first);
  }
}
