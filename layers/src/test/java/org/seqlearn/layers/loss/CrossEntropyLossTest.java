package org.seqlearn.layers.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

class CrossEntropyLossTest {

  static final double RTOL = 1e-5;
  static final double ATOL = 1e-7;

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/loss/cross_entropy.txt");
  }

  static CrossEntropyLoss configure(FixtureFile.Case c) {
    CrossEntropyLoss ce = new CrossEntropyLoss()
        .withReduction(Reduction.valueOf(c.string("reduction").toUpperCase(Locale.ROOT)))
        .withIgnoreIndex(c.integer("ignore_index"))
        .withLabelSmoothing((float) c.scalar("smoothing"))
        .withClassAxis(c.integer("class_axis"));
    if (c.has("weight")) {
      ce = ce.withClassWeights(c.floats("weight"));
    }
    return ce;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(FixtureFile.Case c) {
    Tensor logits = c.tensor("logits").requiresGrad(true);
    Tensor loss = configure(c).apply(logits, c.intTensor("target"),
        c.has("mask") ? c.tensor("mask") : null);
    assertThat(loss.shape()).containsExactly(c.shape("loss"));
    assertClose(c.name + " loss", loss.data(), c.doubles("loss"), RTOL, ATOL);
    if (c.has("gout")) {
      loss.backward(c.tensor("gout"));
    } else {
      loss.backward();
    }
    assertClose(c.name + " grad", logits.grad().data(), c.doubles("grad"), RTOL, ATOL);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(FixtureFile.Case c) {
    CrossEntropyLoss ce = configure(c);
    IntTensor target = c.intTensor("target");
    Tensor mask = c.has("mask") ? c.tensor("mask") : null;
    Tensor logits = c.tensor("logits").requiresGrad(true);
    GradCheck.of(in -> ce.apply(in[0], target, mask)).check(logits);
  }

  @Test
  void composesWithLogSoftmaxDefinition() {
    Tensor logits = Tensor.normal(0f, 2f, 5L, 4, 6);
    IntTensor target = IntTensor.vector(5, 0, 3, 2);
    Tensor loss = new CrossEntropyLoss().withReduction(Reduction.NONE).apply(logits, target);
    Tensor logp = logits.logSoftmax(1);
    for (int i = 0; i < 4; i++) {
      assertThat(loss.get(i)).isCloseTo(-logp.get(i, target.at(i)),
          within(1e-5f));
    }
  }

  @Test
  void unbatchedLogitsTakeAScalarTarget() {
    Tensor logits = Tensor.of(0.5f, -1f, 2f);
    Tensor loss = new CrossEntropyLoss().apply(logits, IntTensor.of(new int[] {2}));
    assertThat(loss.item()).isCloseTo(-logits.logSoftmax(0).get(2), within(1e-6f));
  }

  @Test
  void everythingIgnoredGivesNanMeanAndZeroGradient() {
    Tensor logits = Tensor.normal(0f, 1f, 3L, 2, 3).requiresGrad(true);
    Tensor loss = new CrossEntropyLoss().apply(logits, IntTensor.vector(-100, -100));
    assertThat(loss.item()).isNaN();
    loss.backward();
    assertThat(logits.grad().data()).containsOnly(0f);
  }

  @Test
  void rejectsBadInput() {
    Tensor logits = Tensor.zeros(2, 3);
    CrossEntropyLoss ce = new CrossEntropyLoss();
    assertThatThrownBy(() -> ce.apply(logits, IntTensor.vector(0, 1, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2]")
        .hasMessageContaining("[3]");
    assertThatThrownBy(() -> ce.apply(logits, IntTensor.vector(0, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target 3");
    assertThatThrownBy(() -> ce.apply(logits, IntTensor.vector(0, -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target -1");
    assertThatThrownBy(() -> ce.withClassWeights(new float[2]).apply(logits,
        IntTensor.vector(0, 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 3 class weights, got 2");
    assertThatThrownBy(() -> ce.apply(logits, IntTensor.vector(0, 1), Tensor.ones(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mask");
    assertThatThrownBy(() -> ce.withLabelSmoothing(1.5f))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ce.withClassAxis(3).apply(logits, IntTensor.vector(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class axis");
  }
}
