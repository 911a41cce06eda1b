package org.seqlearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The "taste of core" snippet of the README, kept compiling and correct. */
class ReadmeExampleTest {

  @Test
  void readmeSnippetRunsAndItsGradientMatchesFiniteDifferences() {
    Tensor w = Tensor.normal(0f, 0.1f, 42L, 3, 4).requiresGrad(true);
    Tensor x = Tensor.uniform(-1f, 1f, 7L, 5, 4);
    Tensor loss = x.matmul(w, false, true).tanh().sum();
    loss.backward();
    assertThat(w.grad().shape()).containsExactly(3, 4);
    // d/dw[i][j] of sum_r tanh(x[r]·w[i]) = sum_r (1 - tanh^2(x[r]·w[i])) * x[r][j]
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        double expected = 0;
        for (int r = 0; r < 5; r++) {
          double z = 0;
          for (int k = 0; k < 4; k++) {
            z += x.get(r, k) * w.get(i, k);
          }
          double t = Math.tanh(z);
          expected += (1 - t * t) * x.get(r, j);
        }
        assertThat((double) w.grad().get(i, j)).isCloseTo(expected, within(1e-5));
      }
    }
  }
}
