package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/** maskedFill, where and dropout. */
class MaskingTest {

  @Test
  void maskedFillBroadcastsTheMask() {
    Tensor x = Tensor.arange(6).reshape(2, 3);
    Tensor mask = Tensor.of(0f, 1f, 0f);
    assertThat(x.maskedFill(mask, -1e9f).toArray())
        .containsExactly(0f, -1e9f, 2f, 3f, -1e9f, 5f);
    assertThatThrownBy(() -> x.maskedFill(Tensor.zeros(2, 2, 3), 0f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 2, 3]").hasMessageContaining("[2, 3]");
  }

  @Test
  void whereSelectsAndBroadcasts() {
    Tensor cond = Tensor.fromArray(new float[] {1f, 0f}, 2, 1);
    Tensor a = Tensor.of(1f, 2f, 3f);
    Tensor b = Tensor.scalar(-5f);
    Tensor w = Ops.where(cond, a, b);
    assertThat(w.shape()).containsExactly(2, 3);
    assertThat(w.toArray()).containsExactly(1f, 2f, 3f, -5f, -5f, -5f);
    assertThatThrownBy(() -> Ops.where(Tensor.zeros(2), a, b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2]");
  }

  @Test
  void gradients() {
    Tensor x = param(71L, 2, 3, 4);
    Tensor mask = Tensor.fromArray(new float[] {0f, 1f, 0f}, 3, 1);
    GradCheck.check(in -> in[0].maskedFill(mask, 2f), x);
    Tensor cond = Tensor.fromArray(new float[] {1f, 0f, 1f, 1f}, 4);
    Tensor a = param(73L, 2, 3, 4);
    Tensor b = param(74L, 3, 1);
    GradCheck.check(in -> Ops.where(cond, in[0], in[1]), a, b);
    // A fresh, equally seeded Rng per evaluation draws the same mask every time.
    GradCheck.check(in -> in[0].dropout(0.4f, new Rng(76L), true), x);
  }

  @Test
  void dropoutIsInvertedSeededAndIdentityWhenOff() {
    Tensor x = Tensor.ones(20_000);
    Tensor y = x.dropout(0.25f, new Rng(9L), true);
    int kept = 0;
    for (float v : y.data()) {
      assertThat(v).isIn(0f, 1f / 0.75f);
      kept += v != 0f ? 1 : 0;
    }
    // Bernoulli(0.75) over 20k draws: 6 standard deviations is about 0.018.
    assertThat(kept / 20_000.0).isCloseTo(0.75, within(0.02));
    assertThat(x.dropout(0.25f, new Rng(9L), true).toArray()).containsExactly(y.toArray());
    assertThat(x.dropout(0.25f, new Rng(9L), false)).isSameAs(x);
    assertThat(x.dropout(0f, new Rng(9L), true)).isSameAs(x);
    assertThat(x.dropout(1f, new Rng(9L), true).sum().item()).isZero();
    assertThatThrownBy(() -> x.dropout(1.5f, new Rng(1L), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }

  @Test
  void dropoutGradientIsTheScaledMask() {
    Tensor x = Tensor.full(2f, 1000).requiresGrad(true);
    Tensor y = x.dropout(0.5f, new Rng(3L), true);
    y.sum().backward();
    for (int i = 0; i < 1000; i++) {
      assertThat(x.grad().data()[i]).isEqualTo(y.data()[i] / 2f);
    }
  }
}
