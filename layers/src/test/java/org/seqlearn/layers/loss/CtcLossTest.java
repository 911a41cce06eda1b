package org.seqlearn.layers.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

class CtcLossTest {

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/loss/ctc.txt");
  }

  private static CtcLoss configure(FixtureFile.Case c) {
    return new CtcLoss()
        .withReduction(Reduction.valueOf(c.string("reduction").toUpperCase(Locale.ROOT)))
        .withBlank(c.integer("blank"))
        .withZeroInfinity(Boolean.parseBoolean(c.string("zero_infinity")))
        .withBatchFirst(Boolean.parseBoolean(c.string("batch_first")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(FixtureFile.Case c) {
    Tensor logProbs = c.tensor("log_probs").requiresGrad(true);
    Tensor loss = configure(c).apply(logProbs, c.intTensor("targets"), c.ints("input_lengths"),
        c.ints("target_lengths"));
    assertThat(loss.shape()).containsExactly(c.shape("loss"));
    assertClose(c.name + " loss", loss.data(), c.doubles("loss"), 1e-5, 1e-7);
    if (!c.has("grad")) {
      return;
    }
    if (c.has("gout")) {
      loss.backward(c.tensor("gout"));
    } else {
      loss.backward();
    }
    assertClose(c.name + " grad", logProbs.grad().data(), c.doubles("grad"), 1e-5, 1e-7);
  }

  @Test
  void gradientThroughLogSoftmaxMatchesFiniteDifferences() {
    int[] inputLengths = {6, 5, 4};
    int[] targetLengths = {3, 2, 1};
    IntTensor targets = IntTensor.of(new int[] {1, 1, 2, 3, 3, 0, 2, 0, 0}, 3, 3);
    for (Reduction reduction : Reduction.values()) {
      CtcLoss ctc = new CtcLoss().withReduction(reduction);
      Tensor logits = Tensor.normal(0f, 1f, 21L, 6, 3, 4).requiresGrad(true);
      GradCheck.of(in -> ctc.apply(in[0].logSoftmax(-1), targets, inputLengths, targetLengths))
          .check(logits);
    }
  }

  @Test
  void batchFirstAndZeroInfinityGradientsMatchFiniteDifferences() {
    // sample 1 needs 3 frames for "2 2" but gets 2: infinite, zeroed.
    CtcLoss ctc = new CtcLoss().withBatchFirst(true).withZeroInfinity(true).withBlank(3);
    IntTensor targets = IntTensor.vector(0, 1, 2, 2);
    int[] inputLengths = {5, 2};
    int[] targetLengths = {2, 2};
    Tensor logits = Tensor.normal(0f, 1f, 22L, 2, 5, 4).requiresGrad(true);
    Tensor loss = ctc.withReduction(Reduction.NONE).apply(logits.logSoftmax(-1), targets,
        inputLengths, targetLengths);
    assertThat(loss.data()[1]).isZero();
    GradCheck.of(in -> ctc.apply(in[0].logSoftmax(-1), targets, inputLengths, targetLengths))
        .check(logits);
  }

  @Test
  void matchesBruteForceSumOverAllAlignments() {
    int time = 5;
    int classes = 3;
    Tensor logProbs = Tensor.normal(0f, 1f, 23L, time, 1, classes).logSoftmax(-1);
    int[][] labelings = {{1, 1}, {1, 2}, {2}, {}, {1, 2, 1}, {2, 2, 2}};
    for (int[] labels : labelings) {
      double total = 0;
      int paths = (int) Math.pow(classes, time);
      for (int code = 0; code < paths; code++) {
        int[] path = new int[time];
        double logP = 0;
        for (int t = 0, rest = code; t < time; t++, rest /= classes) {
          path[t] = rest % classes;
          logP += logProbs.get(t, 0, path[t]);
        }
        if (Arrays.equals(collapse(path), labels)) {
          total += Math.exp(logP);
        }
      }
      Tensor loss = new CtcLoss().withReduction(Reduction.SUM).apply(logProbs,
          IntTensor.of(labels, 1, labels.length), new int[] {time}, new int[] {labels.length});
      assertThat((double) loss.item()).as(Arrays.toString(labels))
          .isCloseTo(-Math.log(total), within(1e-5));
    }
  }

  /** Merges repeats, then drops blanks (class 0). */
  private static int[] collapse(int[] path) {
    return IntStream.range(0, path.length)
        .filter(t -> path[t] != 0 && (t == 0 || path[t] != path[t - 1]))
        .map(t -> path[t]).toArray();
  }

  @Test
  void singleFrameSingleLabelIsMinusLogProbability() {
    Tensor logProbs = Tensor.of(0.2f, 0.5f, 0.3f).log().reshape(1, 1, 3);
    Tensor loss = new CtcLoss().withReduction(Reduction.SUM)
        .apply(logProbs, IntTensor.vector(1), new int[] {1}, new int[] {1});
    assertThat(loss.item()).isCloseTo((float) -Math.log(0.5),
        within(1e-6f));
  }

  @Test
  void rejectsBadInput() {
    Tensor lp = Tensor.zeros(4, 2, 3);
    CtcLoss ctc = new CtcLoss();
    IntTensor targets = IntTensor.of(new int[] {1, 2, 1, 0}, 2, 2);
    assertThatThrownBy(() -> ctc.apply(Tensor.zeros(4, 3), targets, new int[] {4, 4},
        new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[T, N, C]").hasMessageContaining("[4, 3]");
    assertThatThrownBy(() -> ctc.apply(lp, targets, new int[] {4}, new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 input and target lengths, got 1 and 2");
    assertThatThrownBy(() -> ctc.apply(lp, targets, new int[] {5, 4}, new int[] {2, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 4]");
    assertThatThrownBy(() -> ctc.apply(lp, targets, new int[] {4, 4}, new int[] {3, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> ctc.apply(lp, targets, new int[] {4, 4}, new int[] {2, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the blank");
    assertThatThrownBy(() -> ctc.apply(lp, IntTensor.vector(1, 2), new int[] {4, 4},
        new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 3 labels");
    assertThatThrownBy(() -> ctc.withBlank(3).apply(lp, targets, new int[] {4, 4},
        new int[] {2, 1})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank 3");
  }
}
