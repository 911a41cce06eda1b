package org.seqlearn.layers.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;

class BceWithLogitsLossTest {

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/loss/bce.txt");
  }

  private static BceWithLogitsLoss configure(FixtureFile.Case c) {
    return new BceWithLogitsLoss(
        Reduction.valueOf(c.string("reduction").toUpperCase(Locale.ROOT)),
        c.has("pos_weight") ? c.floats("pos_weight") : null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(FixtureFile.Case c) {
    Tensor x = c.tensor("logits").requiresGrad(true);
    Tensor y = c.tensor("target").requiresGrad(true);
    Tensor loss = configure(c).apply(x, y);
    assertThat(loss.shape()).containsExactly(c.shape("loss"));
    assertClose(c.name + " loss", loss.data(), c.doubles("loss"), 1e-5, 1e-7);
    if (c.has("gout")) {
      loss.backward(c.tensor("gout"));
    } else {
      loss.backward();
    }
    assertClose(c.name + " grad", x.grad().data(), c.doubles("grad"), 1e-5, 1e-7);
    assertClose(c.name + " grad target", y.grad().data(), c.doubles("grad_target"), 1e-5, 1e-7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void gradientMatchesFiniteDifferences(FixtureFile.Case c) {
    BceWithLogitsLoss bce = configure(c);
    Tensor x = Tensor.uniform(-3f, 3f, 11L, 3, 4).requiresGrad(true);
    Tensor y = Tensor.uniform(0f, 1f, 12L, 3, 4).requiresGrad(true);
    GradCheck.of(in -> bce.apply(in[0], in[1])).check(x, y);
  }

  @Test
  void extremeLogitsStayFinite() {
    Tensor x = Tensor.of(100f, -100f, 0f).requiresGrad(true);
    Tensor loss = new BceWithLogitsLoss(Reduction.NONE, null).apply(x, Tensor.of(0f, 1f, 1f));
    assertThat(loss.data()[0]).isEqualTo(100f);
    assertThat(loss.data()[1]).isEqualTo(100f);
    loss.sum().backward();
    assertThat(x.grad().data()).containsExactly(1f, -1f, -0.5f);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new BceWithLogitsLoss().apply(Tensor.zeros(2, 3), Tensor.zeros(2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2]")
        .hasMessageContaining("[2, 3]");
    assertThatThrownBy(() -> new BceWithLogitsLoss(Reduction.SUM, new float[2])
        .apply(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 1 or 3");
  }
}
