package org.seqlearn.layers.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.FixtureFile;

class ScheduleParityTest {

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/optim/schedules.txt");
  }

  private static LrScheduler create(FixtureFile.Case c, Optimizer o) {
    switch (c.name) {
      case "step":
        return new StepLr(o, (int) c.scalar("step_size"), c.scalar("gamma"));
      case "exponential":
        return new ExponentialLr(o, c.scalar("gamma"));
      case "cosine":
      case "cosine_zero_min":
        return new CosineAnnealingLr(o, (int) c.scalar("t_max"), c.scalar("eta_min"));
      case "linear":
        return new LinearLr(o, c.scalar("start_factor"), c.scalar("end_factor"),
            (int) c.scalar("total_iters"));
      case "warmup_cosine":
        return warmup(c, o, x -> new CosineAnnealingLr(x, (int) c.scalar("t_max"),
            c.scalar("eta_min")));
      case "warmup_step":
        return warmup(c, o, x -> new StepLr(x, (int) c.scalar("step_size"), c.scalar("gamma")));
      default:
        throw new IllegalStateException(c.name);
    }
  }

  private static LrScheduler warmup(FixtureFile.Case c, Optimizer o,
      Function<Optimizer, LrScheduler> then) {
    LrScheduler warm = new LinearLr(o, c.scalar("start_factor"), c.scalar("end_factor"),
        (int) c.scalar("total_iters"));
    LrScheduler after = then.apply(o);
    return new SequentialLr(o, List.of(warm, after), (int) c.scalar("milestone"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void replaysPyTorchLearningRates(FixtureFile.Case c) {
    Optimizer o = new Sgd(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
    LrScheduler sched = create(c, o);
    double[] expected = c.doubles("lr");
    float[] actual = new float[expected.length];
    double[] actualExact = new double[expected.length];
    actualExact[0] = o.lr();
    for (int k = 1; k < expected.length; k++) {
      o.step();
      sched.step();
      actualExact[k] = o.lr();
      assertThat(sched.lastLr()).isEqualTo(o.lr());
    }
    for (int k = 0; k < expected.length; k++) {
      assertThat(actualExact[k]).as("%s lr at step %d", c.name, k)
          .isCloseTo(expected[k], within(1e-12));
      actual[k] = (float) actualExact[k];
    }
    assertClose(c.name, actual, expected, 1e-6, 0);
  }

  @Test
  void warmupThenMatchesExplicitComposition() {
    Optimizer a = new Sgd(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
    Optimizer b = new Sgd(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
    LrScheduler sa = SequentialLr.warmupThen(a, 3, 0.1, o -> new ExponentialLr(o, 0.5));
    LrScheduler sb = new SequentialLr(b, List.of(new LinearLr(b, 0.1, 1.0, 3),
        new ExponentialLr(b, 0.5)), 3);
    for (int k = 0; k < 8; k++) {
      assertThat(a.lr()).isEqualTo(b.lr());
      sa.step();
      sb.step();
    }
  }

  @Test
  void rejectsBadArguments() {
    Optimizer o = new Sgd(List.of(Tensor.zeros(1).requiresGrad(true)), 0.1);
    assertThatThrownBy(() -> new StepLr(o, 0, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> new LinearLr(o, 0, 1, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start factor");
    assertThatCode(() -> new SequentialLr(o, List.of(new ExponentialLr(o, 0.9))))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new SequentialLr(o, List.of(new ExponentialLr(o, 0.9),
        new ExponentialLr(o, 0.9)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 1 milestones for 2 schedules, got 0");
  }
}
