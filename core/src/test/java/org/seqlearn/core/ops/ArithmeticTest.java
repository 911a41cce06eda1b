package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

class ArithmeticTest {

  private static final int[][][] SHAPE_PAIRS = {
      {{3, 4}, {3, 4}},
      {{3, 1}, {1, 4}},
      {{2, 3, 4}, {4}},
      {{4}, {2, 3, 4}},
      {{2, 3, 4}, {}},
      {{}, {2, 3}},
      {{2, 1, 4}, {3, 1}},
      {{2, 3, 1, 5}, {3, 4, 1}},
  };

  @Test
  void forwardMatchesAnElementwiseLoop() {
    for (int[][] pair : SHAPE_PAIRS) {
      Tensor a = Tensor.uniform(-1f, 1f, 1L, pair[0]);
      Tensor b = Tensor.uniform(0.5f, 2f, 2L, pair[1]);
      expectBroadcast(a, b, a.add(b), (x, y) -> x + y);
      expectBroadcast(a, b, a.sub(b), (x, y) -> x - y);
      expectBroadcast(a, b, a.mul(b), (x, y) -> x * y);
      expectBroadcast(a, b, a.div(b), (x, y) -> x / y);
      expectBroadcast(b, a, b.pow(a), (x, y) -> (float) Math.pow(x, y));
    }
  }

  private static void expectBroadcast(Tensor a, Tensor b, Tensor out, BinaryOperator<Float> f) {
    int[] shape = Shape.broadcast(a.shape(), b.shape());
    assertThat(out.shape()).containsExactly(shape);
    for (int i = 0; i < out.numel(); i++) {
      int[] idx = Fixtures.unravel(i, shape);
      float expected = f.apply(Fixtures.broadcastGet(a, idx), Fixtures.broadcastGet(b, idx));
      assertThat(out.data()[i]).isCloseTo(expected, within(1e-6f * (1 + Math.abs(expected))));
    }
  }

  @Test
  void scalarVariantsMatchTheirDefinition() {
    Tensor x = Tensor.of(1f, -2f, 4f);
    assertThat(x.add(1.5f).toArray()).containsExactly(2.5f, -0.5f, 5.5f);
    assertThat(x.sub(1f).toArray()).containsExactly(0f, -3f, 3f);
    assertThat(x.mul(-2f).toArray()).containsExactly(-2f, 4f, -8f);
    assertThat(x.div(4f).toArray()).containsExactly(0.25f, -0.5f, 1f);
    assertThat(x.neg().toArray()).containsExactly(-1f, 2f, -4f);
  }

  @Test
  void gradientsOfBinaryOpsReduceOverBroadcastDimensions() {
    long seed = 10;
    for (int[][] pair : SHAPE_PAIRS) {
      Tensor a = param(seed++, pair[0]);
      Tensor b = param(0.5f, 2f, seed++, pair[1]);
      GradCheck.check(in -> in[0].add(in[1]), a, b);
      GradCheck.check(in -> in[0].sub(in[1]), a, b);
      GradCheck.check(in -> in[0].mul(in[1]), a, b);
      GradCheck.check(in -> in[0].div(in[1]), a, b);
      GradCheck.check(in -> in[1].pow(in[0]), a, b);
    }
  }

  @Test
  void onlyInputsThatRequireGradGetOne() {
    Tensor a = param(1L, 2, 3);
    Tensor b = Tensor.uniform(-1f, 1f, 2L, 3);
    GradCheck.check(in -> in[0].mul(in[1]), a, b);
    assertThat(b.grad()).isNull();
    assertThat(a.grad().shape()).containsExactly(2, 3);
  }

  @Test
  void sameTensorOnBothSidesAccumulates() {
    Tensor x = Tensor.of(3f, -1f).requiresGrad(true);
    x.mul(x).sum().backward();
    assertThat(x.grad().toArray()).containsExactly(6f, -2f);
  }

  @Test
  void scalarVariantGradients() {
    Tensor x = param(0.5f, 2f, 3L, 2, 3);
    GradCheck.check(in -> in[0].add(2f), x);
    GradCheck.check(in -> in[0].sub(2f), x);
    GradCheck.check(in -> in[0].mul(-3f), x);
    GradCheck.check(in -> in[0].div(4f), x);
    GradCheck.check(in -> in[0].neg(), x);
  }

  @Test
  void shapesThatDoNotBroadcastAreRejectedNamingBoth() {
    Tensor a = Tensor.zeros(2, 3);
    Tensor b = Tensor.zeros(4, 3);
    assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 3]");
    assertThatThrownBy(() -> a.mul(Tensor.zeros(2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mul").hasMessageContaining("[2, 3]").hasMessageContaining("[2]");
  }
}
