package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;

class SoftmaxTest {

  @Test
  void matchesTheDefinitionAlongEveryAxis() {
    Tensor x = Tensor.uniform(-3f, 3f, 41L, 2, 3, 5);
    int[] shape = x.shape();
    for (int axis = 0; axis < 3; axis++) {
      Tensor s = x.softmax(axis);
      Tensor ls = x.logSoftmax(axis);
      for (int i = 0; i < x.numel(); i++) {
        int[] idx = Fixtures.unravel(i, shape);
        double denom = 0;
        int[] j = idx.clone();
        for (int k = 0; k < shape[axis]; k++) {
          j[axis] = k;
          denom += Math.exp(x.get(j));
        }
        double expected = Math.exp(x.get(idx)) / denom;
        assertThat((double) s.data()[i]).isCloseTo(expected, within(1e-6));
        assertThat((double) ls.data()[i]).isCloseTo(Math.log(expected), within(1e-5));
      }
    }
  }

  @Test
  void isStableForLargeInputs() {
    Tensor x = Tensor.of(1000f, 1001f, 1002f, -1000f);
    float[] s = x.softmax(0).toArray();
    float[] ls = x.logSoftmax(0).toArray();
    double z = 1 + Math.exp(-1) + Math.exp(-2);
    assertThat((double) s[2]).isCloseTo(1 / z, within(1e-6));
    assertThat((double) ls[0]).isCloseTo(-2 - Math.log(z), within(1e-5));
    assertThat(s[3]).isZero();
    assertThat(ls[3]).isFinite();
  }

  @Test
  void gradientsOnFirstMiddleAndLastAxes() {
    Tensor p = param(-2f, 2f, 42L, 2, 3, 4);
    for (int axis : new int[] {0, 1, 2, -1, -2}) {
      GradCheck.check(in -> in[0].softmax(axis), p);
      GradCheck.check(in -> in[0].logSoftmax(axis), p);
    }
  }

  @Test
  void badAxisIsRejected() {
    assertThatThrownBy(() -> Tensor.zeros(2, 3).softmax(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("softmax").hasMessageContaining("axis 2")
        .hasMessageContaining("[2, 3]");
  }
}
