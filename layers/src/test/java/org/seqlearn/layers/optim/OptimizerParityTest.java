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

class OptimizerParityTest {

  private static final int STEPS = 5;

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/optim/optimizers.txt");
  }

  private static double opt(FixtureFile.Case c, String key, double fallback) {
    return c.has(key) ? c.scalar(key) : fallback;
  }

  static Optimizer create(FixtureFile.Case c, List<Tensor> params) {
    double lr = c.scalar("lr");
    switch (c.string("optimizer")) {
      case "sgd":
        return new Sgd(params, lr).momentum(opt(c, "momentum", 0))
            .dampening(opt(c, "dampening", 0)).weightDecay(opt(c, "weight_decay", 0))
            .nesterov(opt(c, "nesterov", 0) != 0);
      case "rmsprop":
        return new RmsProp(params, lr).alpha(opt(c, "alpha", 0.99)).eps(opt(c, "eps", 1e-8))
            .momentum(opt(c, "momentum", 0)).weightDecay(opt(c, "weight_decay", 0))
            .centered(opt(c, "centered", 0) != 0);
      case "adam":
        return new Adam(params, lr).betas(opt(c, "beta1", 0.9), opt(c, "beta2", 0.999))
            .eps(opt(c, "eps", 1e-8)).weightDecay(opt(c, "weight_decay", 0))
            .amsgrad(opt(c, "amsgrad", 0) != 0);
      case "adamw":
        Adam adamW = new AdamW(params, lr).betas(opt(c, "beta1", 0.9), opt(c, "beta2", 0.999))
            .eps(opt(c, "eps", 1e-8)).amsgrad(opt(c, "amsgrad", 0) != 0);
        return c.has("weight_decay") ? adamW.weightDecay(c.scalar("weight_decay")) : adamW;
      default:
        throw new IllegalStateException("unknown optimizer " + c.string("optimizer"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replaysPyTorchTrajectory(FixtureFile.Case c) {
    List<Tensor> params = List.of(c.tensor("init_0").requiresGrad(true),
        c.tensor("init_1").requiresGrad(true));
    Optimizer optimizer = create(c, params);
    for (int k = 1; k <= STEPS; k++) {
      optimizer.zeroGrad();
      for (int i = 0; i < params.size(); i++) {
        String g = "g" + k + "_" + i;
        if (c.has(g)) {
          params.get(i).setGrad(c.tensor(g));
        }
      }
      optimizer.step();
      for (int i = 0; i < params.size(); i++) {
        assertClose(c.name + " step " + k + " param " + i, params.get(i).data(),
            c.doubles("p" + k + "_" + i), 1e-6, 1e-7);
      }
    }
  }

  @Test
  void skipsParametersWithoutGradientAndZeroGradClears() {
    Tensor a = Tensor.ones(3).requiresGrad(true);
    Tensor b = Tensor.ones(2).requiresGrad(true);
    Optimizer sgd = new Sgd(List.of(a, b), 0.5);
    a.setGrad(Tensor.of(1f, 2f, 3f));
    sgd.step();
    assertThat(a.data()).containsExactly(0.5f, 0f, -0.5f);
    assertThat(b.data()).containsExactly(1f, 1f);
    sgd.zeroGrad();
    assertThat(a.grad()).isNull();
  }

  @Test
  void rejectsBadConfiguration() {
    Tensor a = Tensor.ones(3).requiresGrad(true);
    assertThatThrownBy(() -> new Sgd(List.of(), 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> new Sgd(List.of(a, a), 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same tensor");
    assertThatThrownBy(() -> new Sgd(List.of(a.mul(2f)), 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf");
    assertThatThrownBy(() -> new Adam(List.of(a), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> new Adam(List.of(a), 0.1).betas(0.9, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beta2");
    a.setGrad(Tensor.ones(3));
    Sgd nesterov = new Sgd(List.of(a), 0.1).nesterov(true);
    assertThatThrownBy(nesterov::step).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Nesterov");
  }
}
