package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;

class PointwiseTest {

  @Test
  void forwardMatchesJavaMath() {
    Tensor x = Tensor.uniform(-3f, 3f, 5L, 4, 7);
    Tensor pos = Tensor.uniform(0.1f, 3f, 6L, 4, 7);
    expect(x, Tensor::exp, Math::exp);
    expect(x, Tensor::tanh, Math::tanh);
    expect(x, Tensor::sigmoid, v -> 1 / (1 + Math.exp(-v)));
    expect(x, Tensor::relu, v -> Math.max(v, 0));
    expect(x, t -> t.clamp(-1f, 0.5f), v -> Math.min(Math.max(v, -1), 0.5));
    expect(x, t -> t.pow(3f), v -> v * v * v);
    expect(x, t -> t.pow(2f), v -> v * v);
    expect(pos, Tensor::sqrt, Math::sqrt);
    expect(pos, Tensor::log, Math::log);
    expect(pos, t -> t.pow(-0.5f), v -> Math.pow(v, -0.5));
  }

  private static void expect(Tensor x, UnaryOperator<Tensor> op, DoubleUnaryOperator ref) {
    Tensor y = op.apply(x);
    assertThat(y.shape()).containsExactly(x.shape());
    for (int i = 0; i < x.numel(); i++) {
      double e = ref.applyAsDouble(x.data()[i]);
      assertThat((double) y.data()[i]).isCloseTo(e, within(2e-6 * (1 + Math.abs(e))));
    }
  }

  @Test
  void gradientsOfSmoothOps() {
    Tensor x = param(-2f, 2f, 11L, 3, 5);
    Tensor pos = param(0.5f, 2f, 12L, 3, 5);
    GradCheck.check(in -> in[0].exp(), x);
    GradCheck.check(in -> in[0].tanh(), x);
    GradCheck.check(in -> in[0].sigmoid(), x);
    GradCheck.check(in -> in[0].pow(3f), x);
    GradCheck.check(in -> in[0].pow(2f), x);
    GradCheck.check(in -> in[0].pow(0f), x);
    GradCheck.check(in -> in[0].sqrt(), pos);
    GradCheck.check(in -> in[0].log(), pos);
    GradCheck.check(in -> in[0].pow(-1.5f), pos);
    GradCheck.check(in -> in[0].pow(0.5f), pos);
  }

  @Test
  void gradientsOfKinkedOpsAwayFromTheKinks() {
    // Every element at least 0.05 from 0 and from the clamp bounds (eps is 0.01).
    Tensor x = Tensor.fromArray(new float[] {-1.5f, -0.7f, -0.3f, 0.2f, 0.45f, 0.8f, 1.6f, -0.05f},
        2, 4).requiresGrad(true);
    GradCheck.check(in -> in[0].relu(), x);
    GradCheck.check(in -> in[0].clamp(-0.5f, 0.6f), x);
    x.zeroGrad();
    x.clamp(-0.5f, 0.6f).sum().backward();
    assertThat(x.grad().toArray()).containsExactly(0f, 0f, 1f, 1f, 1f, 0f, 0f, 1f);
  }

  @Test
  void reluGradientAtZeroIsZero() {
    Tensor x = Tensor.of(0f, 1f).requiresGrad(true);
    x.relu().sum().backward();
    assertThat(x.grad().toArray()).containsExactly(0f, 1f);
  }

  @Test
  void clampRejectsAnEmptyRange() {
    assertThatThrownBy(() -> Tensor.of(1f).clamp(2f, 1f))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min=2.0, max=1.0");
  }
}
