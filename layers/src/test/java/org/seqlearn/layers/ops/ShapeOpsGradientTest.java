package org.seqlearn.layers.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.GradCheck;

/** Values and finite-difference gradients of the shape helpers. */
class ShapeOpsGradientTest {

  private static final double EPS = 1e-2;
  private static final double TOL = 1e-3;

  @Test
  void concatLast() {
    Tensor a = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2);
    Tensor b = Tensor.fromArray(new float[] {5, 6}, 2, 1);
    assertThat(new ConcatLast().apply(a, b).toArray()).containsExactly(1, 2, 5, 3, 4, 6);
    Rng rng = new Rng(1);
    GradCheck.check(in -> new Tensor[] {new ConcatLast().apply(in)}, EPS, TOL,
        Tensor.uniform(-1f, 1f, rng, 2, 3, 2).requiresGrad(true),
        Tensor.uniform(-1f, 1f, rng, 2, 3, 1).requiresGrad(true));
    assertThatThrownBy(() -> new ConcatLast().apply(a, Tensor.zeros(3, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2] + [features]");
  }

  @Test
  void stackAndUnstack() {
    Rng rng = new Rng(2);
    Tensor a = Tensor.uniform(-1f, 1f, rng, 2, 3).requiresGrad(true);
    Tensor b = Tensor.uniform(-1f, 1f, rng, 2, 3).requiresGrad(true);
    Tensor s = new Stack().apply(a, b);
    assertThat(s.shape()).containsExactly(2, 2, 3);
    Tensor[] parts = new Unstack().applyAll(s);
    assertThat(parts[1].toArray()).containsExactly(b.toArray());
    GradCheck.check(in -> new Tensor[] {new Stack().apply(in)}, EPS, TOL, a, b);
    GradCheck.check(in -> new Unstack().applyAll(in), EPS, TOL, s.detach().requiresGrad(true));
  }

  @Test
  void swapReshapeMerge() {
    Rng rng = new Rng(3);
    Tensor x = Tensor.uniform(-1f, 1f, rng, 2, 3, 2).requiresGrad(true);
    assertThat(new SwapBatchTime().apply(x).get(2, 1, 0)).isEqualTo(x.get(1, 2, 0));
    GradCheck.check(in -> new Tensor[] {new SwapBatchTime().apply(in)}, EPS, TOL, x);
    GradCheck.check(in -> new Tensor[] {new Reshape(3, 4).apply(in)}, EPS, TOL, x);
    Tensor y = Tensor.uniform(-1f, 1f, rng, 2, 3, 2).requiresGrad(true);
    for (MergePair.Op op : MergePair.Op.values()) {
      GradCheck.check(in -> new Tensor[] {new MergePair(op).apply(in)}, EPS, TOL, x, y);
    }
  }

  @Test
  void dropoutKeepsExpectationAndMasksGradient() {
    Tensor x = Tensor.ones(10_000).requiresGrad(true);
    Tensor y = new Dropout(0.25f, new Rng(4)).apply(x);
    double mean = 0;
    int zeros = 0;
    for (float v : y.data()) {
      mean += v;
      zeros += v == 0f ? 1 : 0;
    }
    assertThat(mean / 10_000).isBetween(0.95, 1.05);
    assertThat(zeros).isBetween(2_300, 2_700);
    y.backward(Tensor.ones(10_000));
    assertThat(x.grad().toArray()).containsExactly(y.toArray());
    assertThat(new Dropout(0.25f, new Rng(4)).apply(Tensor.ones(10_000)).toArray())
        .containsExactly(y.toArray());
  }
}
