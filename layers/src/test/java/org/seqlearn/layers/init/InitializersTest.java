package org.seqlearn.layers.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.FixtureFile;
import org.seqlearn.layers.loss.FixtureFile.Case;

/** Fans and bounds equal torch's; sample statistics; orthogonality. */
class InitializersTest {

  private static final List<Case> CASES = FixtureFile.load("/nn/init.txt");

  @Test
  void fansAndBoundsMatchTorch() {
    for (Case c : CASES) {
      if (!c.name.startsWith("fans_")) {
        continue;
      }
      int[] shape = c.ints("shape");
      Fans f = Fans.of(shape);
      assertThat(f.fanIn()).as(c.name).isEqualTo(c.integer("fan_in"));
      assertThat(f.fanOut()).as(c.name).isEqualTo(c.integer("fan_out"));
      double bound = Initializers.kaimingUniformBound(Initializers.TORCH_DEFAULT_SLOPE,
          FanMode.FAN_IN, Nonlinearity.LEAKY_RELU, shape);
      assertThat(bound).isCloseTo(c.scalar("kaiming_uniform_sqrt5_bound"), within(1e-6));
      assertThat(bound).as("torch default = 1/sqrt(fan_in)")
          .isCloseTo(1 / Math.sqrt(f.fanIn()), within(1e-9));
    }
    Case g = FixtureFile.find(CASES, "gains");
    assertThat(Nonlinearity.TANH.gain(0)).isCloseTo(g.scalar("tanh"), within(1e-6));
    assertThat(Nonlinearity.RELU.gain(0)).isCloseTo(g.scalar("relu"), within(1e-6));
    assertThat(Nonlinearity.SELU.gain(0)).isCloseTo(g.scalar("selu"), within(1e-6));
    assertThat(Nonlinearity.LEAKY_RELU.gain(0.2)).isCloseTo(g.scalar("leaky_relu_0.2"),
        within(1e-6));
    assertThatThrownBy(() -> Fans.of(5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5]");
  }

  @Test
  void uniformInitialisersStayInTheirBoundsWithTheRightVariance() {
    Case c = FixtureFile.find(CASES, "fans_2");
    int[] shape = c.ints("shape");
    double b = c.scalar("xavier_uniform_bound");
    Tensor xu = Initializers.xavierUniform(new Rng(1), 1.0, shape);
    assertThat(maxAbs(xu)).isLessThanOrEqualTo(b);
    assertThat(variance(xu)).isCloseTo(b * b / 3, within(0.15 * b * b / 3));
    Tensor ku = Initializers.kaimingUniform(new Rng(2), 0, FanMode.FAN_IN, Nonlinearity.RELU,
        200, 100);
    double kb = Math.sqrt(6.0 / 100);
    assertThat(maxAbs(ku)).isLessThanOrEqualTo(kb);
    assertThat(variance(ku)).isCloseTo(2.0 / 100, within(0.05 * 2.0 / 100));
  }

  @Test
  void normalInitialisersHaveTheRightStd() {
    Tensor xn = Initializers.xavierNormal(new Rng(3), 1.0, 300, 100);
    assertThat(Math.sqrt(variance(xn))).isCloseTo(Math.sqrt(2.0 / 400), within(0.003));
    Case c = FixtureFile.find(CASES, "fans_0");
    Tensor kn = Initializers.kaimingNormal(new Rng(4), 0, FanMode.FAN_OUT, Nonlinearity.RELU,
        500, 4);
    assertThat(Math.sqrt(variance(kn))).isCloseTo(Math.sqrt(2.0 / 500), within(0.002));
    assertThat(c.scalar("kaiming_normal_relu_fan_out_std"))
        .isCloseTo(Math.sqrt(2.0 / 5), within(1e-6));
  }

  @Test
  void orthogonalIsOrthonormalForTallWideAndSquare() {
    int[][] shapes = {{6, 6}, {8, 3}, {3, 8}, {4, 2, 3}};
    for (int[] shape : shapes) {
      Tensor q = Orthogonal.of(new Rng(5), 1.0, shape);
      assertThat(q.shape()).containsExactly(shape);
      int rows = shape[0];
      int cols = q.numel() / rows;
      Tensor m = q.reshape(rows, cols);
      Tensor gram = rows >= cols ? m.matmul(m, true, false) : m.matmul(m, false, true);
      int n = Math.min(rows, cols);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertThat((double) gram.get(i, j)).as("QtQ %s at %d,%d", shape, i, j)
              .isCloseTo(i == j ? 1 : 0, within(1e-5));
        }
      }
    }
    Tensor scaled = Orthogonal.of(new Rng(6), 2.0, 4, 4);
    Tensor g = scaled.matmul(scaled, true, false);
    assertThat((double) g.get(2, 2)).isCloseTo(4.0, within(1e-4));
    assertThat(Orthogonal.of(new Rng(7), 1, 5, 5).toArray())
        .containsExactly(Orthogonal.of(new Rng(7), 1, 5, 5).toArray());
  }

  @Test
  void recurrentKernelHasAnOrthogonalBlockPerGateAndAssignsInPlace() {
    Tensor w = Orthogonal.recurrent(new Rng(8), 1.0, 4, 5);
    assertThat(w.shape()).containsExactly(20, 5);
    for (int g = 0; g < 4; g++) {
      Tensor block = w.slice(0, g * 5, g * 5 + 5);
      Tensor gram = block.matmul(block, true, false);
      for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
          assertThat((double) gram.get(i, j)).isCloseTo(i == j ? 1 : 0, within(1e-5));
        }
      }
    }
    org.seqlearn.layers.recurrent.Lstm lstm = new org.seqlearn.layers.recurrent.Lstm(3, 5);
    Tensor param = lstm.namedParameters().get("weight_hh_l0");
    Initializers.assign(param, w);
    assertThat(lstm.namedParameters().get("weight_hh_l0").toArray()).containsExactly(w.toArray());
    assertThatThrownBy(() -> Initializers.assign(param, Tensor.ones(5, 20)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[5, 20]")
        .hasMessageContaining("[20, 5]");
  }

  private static double maxAbs(Tensor t) {
    double m = 0;
    for (float v : t.data()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static double variance(Tensor t) {
    double sum = 0;
    double sq = 0;
    for (float v : t.data()) {
      sum += v;
      sq += (double) v * v;
    }
    double mean = sum / t.numel();
    return sq / t.numel() - mean * mean;
  }
}
