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

class MseLossTest {

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/loss/mse.txt");
  }

  private static MseLoss configure(FixtureFile.Case c) {
    return new MseLoss(Reduction.valueOf(c.string("reduction").toUpperCase(Locale.ROOT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesPyTorch(FixtureFile.Case c) {
    Tensor x = c.tensor("input").requiresGrad(true);
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
    MseLoss mse = configure(c);
    GradCheck.of(in -> mse.apply(in[0], in[1]))
        .check(c.tensor("input").requiresGrad(true), c.tensor("target").requiresGrad(true));
  }

  @Test
  void rejectsShapeMismatch() {
    assertThatThrownBy(() -> new MseLoss().apply(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 2]")
        .hasMessageContaining("[2, 3]");
  }
}
