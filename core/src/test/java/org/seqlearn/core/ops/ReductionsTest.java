package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

class ReductionsTest {

  private final Tensor x = Tensor.uniform(-1f, 1f, 21L, 2, 3, 4);

  @Test
  void sumMeanAndMaxAlongEachAxisMatchLoops() {
    int[] shape = x.shape();
    for (int axis = 0; axis < 3; axis++) {
      Tensor s = x.sum(axis, false);
      Tensor m = x.mean(axis, true);
      Tensor mx = x.max(axis, false);
      int n = shape[axis];
      int[] kept = shape.clone();
      kept[axis] = 1;
      assertThat(m.shape()).containsExactly(kept);
      for (int o = 0; o < Fixtures.numel(kept); o++) {
        int[] idx = Fixtures.unravel(o, kept);
        double sum = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          idx[axis] = j;
          sum += x.get(idx);
          max = Math.max(max, x.get(idx));
        }
        assertThat((double) s.data()[o]).isCloseTo(sum, within(1e-5));
        assertThat((double) m.data()[o]).isCloseTo(sum / n, within(1e-5));
        assertThat(mx.data()[o]).isEqualTo(max);
      }
    }
    assertThat(x.sum(1, false).shape()).containsExactly(2, 4);
    assertThat(x.sum(-1, true).shape()).containsExactly(2, 3, 1);
  }

  @Test
  void severalAxesAndAllElements() {
    double total = 0;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : x.data()) {
      total += v;
      max = Math.max(max, v);
    }
    assertThat(x.sum().shape()).isEmpty();
    assertThat((double) x.sum().item()).isCloseTo(total, within(1e-5));
    assertThat((double) x.mean().item()).isCloseTo(total / 24, within(1e-6));
    assertThat(x.max().item()).isEqualTo(max);
    Tensor s02 = x.sum(new int[] {0, 2}, false);
    assertThat(s02.shape()).containsExactly(3);
    Tensor viaSingle = x.sum(2, false).sum(0, false);
    for (int i = 0; i < 3; i++) {
      assertThat(s02.data()[i]).isCloseTo(viaSingle.data()[i], within(1e-5f));
    }
    assertThat(x.mean(new int[] {0, -1}, true).shape()).containsExactly(1, 3, 1);
    assertThat(x.sum(new int[0], true).shape()).containsExactly(1, 1, 1);
    assertThat(x.sum(new int[0], false).item()).isEqualTo(x.sum().item());
    Tensor m02 = Ops.max(x, true, 0, 2);
    assertThat(m02.shape()).containsExactly(1, 3, 1);
    for (int i = 0; i < 3; i++) {
      assertThat(m02.data()[i]).isEqualTo(x.max(2, false).max(0, false).data()[i]);
    }
  }

  @Test
  void gradientsWithAndWithoutKeepdim() {
    Tensor p = param(31L, 2, 3, 4);
    for (boolean keep : new boolean[] {false, true}) {
      for (int axis = -3; axis < 3; axis++) {
        int a = axis;
        GradCheck.check(in -> in[0].sum(a, keep), p);
        GradCheck.check(in -> in[0].mean(a, keep), p);
        GradCheck.check(in -> in[0].max(a, keep), p);
      }
      GradCheck.check(in -> in[0].sum(new int[] {0, 2}, keep), p);
      GradCheck.check(in -> in[0].mean(new int[] {1, 2}, keep), p);
      GradCheck.check(in -> Ops.max(in[0], keep, 0, 1), p);
    }
    GradCheck.check(in -> in[0].sum(), p);
    GradCheck.check(in -> in[0].mean(), p);
    GradCheck.check(in -> in[0].max(), p);
  }

  @Test
  void maxGradientGoesToTheFirstOfTiedMaxima() {
    Tensor t = Tensor.fromArray(new float[] {1f, 5f, 5f, 2f, 7f, 7f}, 2, 3).requiresGrad(true);
    Tensor m = t.max(1, false);
    assertThat(m.toArray()).containsExactly(5f, 7f);
    m.sum().backward();
    assertThat(t.grad().toArray()).containsExactly(0f, 1f, 0f, 0f, 1f, 0f);
    t.zeroGrad();
    t.max().backward();
    assertThat(t.grad().toArray()).containsExactly(0f, 0f, 0f, 0f, 1f, 0f);
  }

  @Test
  void argmaxAgreesWithMaxAndTakesTheFirstTie() {
    for (int axis = 0; axis < 3; axis++) {
      IntTensor am = x.argmax(axis);
      Tensor mx = x.max(axis, false);
      assertThat(am.shape()).containsExactly(mx.shape());
      int[] kept = x.shape();
      kept[axis] = 1;
      for (int o = 0; o < am.numel(); o++) {
        int[] idx = Fixtures.unravel(o, kept);
        idx[axis] = am.at(o);
        assertThat(x.get(idx)).isEqualTo(mx.data()[o]);
      }
    }
    Tensor t = Tensor.fromArray(new float[] {1f, 5f, 5f, 7f, 2f, 7f}, 2, 3);
    assertThat(t.argmax(1).toArray()).containsExactly(1, 0);
    assertThat(t.argmax(0).toArray()).containsExactly(1, 0, 1);
    assertThatThrownBy(() -> t.argmax(2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argmax").hasMessageContaining("[2, 3]");
  }

  @Test
  void badAxesAreRejected() {
    assertThatThrownBy(() -> x.sum(3, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("axis 3").hasMessageContaining("[2, 3, 4]");
    assertThatThrownBy(() -> x.sum(new int[] {1, -2}, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Tensor.zeros(2, 0).max(1, false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 0]");
  }
}
