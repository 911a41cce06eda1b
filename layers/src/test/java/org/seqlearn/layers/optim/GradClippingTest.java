package org.seqlearn.layers.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.FixtureFile;

class GradClippingTest {

  static List<FixtureFile.Case> normCases() {
    return FixtureFile.load("/optim/clipping.txt").stream().filter(c -> c.has("max_norm"))
        .toList();
  }

  private static List<Tensor> params(FixtureFile.Case c) {
    Tensor a = Tensor.zeros(c.shape("g_0")).requiresGrad(true);
    Tensor b = Tensor.zeros(c.shape("g_1")).requiresGrad(true);
    a.setGrad(c.tensor("g_0"));
    b.setGrad(c.tensor("g_1"));
    return List.of(a, b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("normCases")
  void clipGradNormMatchesPyTorch(FixtureFile.Case c) {
    List<Tensor> params = params(c);
    float total = GradClipping.clipGradNorm(params, c.scalar("max_norm"), c.scalar("norm_type"));
    assertClose(c.name + " total", new float[] {total}, c.doubles("total_norm"), 1e-6, 0);
    for (int i = 0; i < 2; i++) {
      assertClose(c.name + " grad " + i, params.get(i).grad().data(),
          c.doubles("clipped_" + i), 1e-6, 1e-8);
    }
  }

  @Test
  void clipGradValueMatchesPyTorch() {
    FixtureFile.Case c = FixtureFile.find(FixtureFile.load("/optim/clipping.txt"), "value");
    List<Tensor> params = params(c);
    GradClipping.clipGradValue(params, c.scalar("clip_value"));
    for (int i = 0; i < 2; i++) {
      assertClose("value grad " + i, params.get(i).grad().data(), c.doubles("clipped_" + i),
          0, 0);
    }
  }

  @Test
  void skipsMissingGradientsAndRejectsBadArguments() {
    Tensor a = Tensor.zeros(2).requiresGrad(true);
    assertThat(GradClipping.clipGradNorm(List.of(a), 1.0)).isZero();
    assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(a), -1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> GradClipping.clipGradNorm(List.of(a), 1.0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("norm type");
    assertThatThrownBy(() -> GradClipping.clipGradValue(List.of(a), -0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.5");
  }
}
