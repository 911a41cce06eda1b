package org.seqlearn.audio.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.BceWithLogitsLoss;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.recurrent.GruForm;

class TriggerModelTest {

  @Test
  void courseFormHasTheCoursesParameterCount() {
    // Keras summary of the course's model: 522,561 total (521,657 trainable + 904 BN moving stats)
    TriggerModel m = TriggerModel.course(GruForm.COURSE, 1);
    assertThat(m.courseParameterCount()).isEqualTo(522_561);
    long trainable = m.trainableParameters().stream().mapToLong(Tensor::numel).sum();
    assertThat(trainable).isEqualTo(521_657);
  }

  @Test
  void pytorchFormHasOneMoreBiasPerGate() {
    // 2 GRUs x 3 gates x 128 units of bias_hh: 522,561 + 768 (Keras reset_after=True gives the
    // same)
    TriggerModel m = TriggerModel.course(GruForm.PYTORCH, 1);
    assertThat(m.courseParameterCount()).isEqualTo(523_329);
  }

  @Test
  void courseShapesTenSecondsIn1375StepsOut() {
    TriggerModel m = TriggerModel.course(GruForm.COURSE, 1);
    m.eval();
    assertThat(m.outputSteps(5511)).isEqualTo(1375);
    Tensor x = Tensor.uniform(0, 1, 3L, 1, 5511, 101);
    Tensor p = m.probabilities(x);
    assertThat(p.shape()).containsExactly(1, 1375, 1);
    for (float v : p.data()) {
      assertThat(v).isBetween(0f, 1f);
    }
  }

  @Test
  void dropoutRateMeansTheFractionDroppedAsInKeras() {
    Dropout d = new Dropout(0.8f, 9L);
    d.train();
    float[] y = d.forward(Tensor.ones(20_000)).data();
    int zeros = 0;
    for (float v : y) {
      if (v == 0f) {
        zeros++;
      } else {
        assertThat(v).isCloseTo(5f, within(1e-5f));
      }
    }
    assertThat(zeros / 20_000.0).isCloseTo(0.8, within(0.02));
  }

  @Test
  void rejectsFeaturesOfTheWrongShape() {
    TriggerModel m = TriggerModel.course(GruForm.COURSE, 1);
    assertThatThrownBy(() -> m.forward(Tensor.zeros(1, 100, 13)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101")
        .hasMessageContaining("[1, 100, 13]");
  }

  private static TriggerModel tiny(GruForm form, float dropout) {
    return new TriggerModel(6, 5, 3, 2, 4, dropout, form, 7L);
  }

  @Test
  void gradientsMatchFiniteDifferencesInBothForms() {
    for (GruForm form : GruForm.values()) {
      TriggerModel m = tiny(form, 0.5f);
      m.eval();
      Tensor x = Tensor.uniform(-1, 1, 4L, 2, 11, 6).requiresGrad(true);
      Tensor w = m.namedParameters().get("conv.weight");
      Tensor d = m.namedParameters().get("dense.module.weight");
      Tensor g = m.namedParameters().get("gru1.weight_hh_l0");
      GradCheck.of(in -> m.forward(in[0])).eps(1e-3).tolerance(3e-2, 2e-3).check(x, w, d, g);
    }
  }

  @Test
  void tinyModelLearnsSyntheticTriggers() {
    // a "trigger" is a burst in feature 0; labels are 1 for 3 output steps after it ends
    int n = 8;
    int tx = 41;
    TriggerModel m = tiny(GruForm.COURSE, 0.1f);
    int ty = m.outputSteps(tx);
    Rng r = new Rng(5);
    float[] xs = new float[n * tx * 6];
    float[] ys = new float[n * ty];
    for (int b = 0; b < n; b++) {
      for (int i = b * tx * 6; i < (b + 1) * tx * 6; i++) {
        xs[i] = r.nextFloat() * 0.2f;
      }
      if (b % 4 != 0) {
        int at = 3 + r.nextInt(tx - 16);
        for (int t = at; t < at + 5; t++) {
          xs[(b * tx + t) * 6] = 2f;
        }
        int end = (at + 4 - 3) / 2;
        for (int s = end + 1; s <= end + 3 && s < ty; s++) {
          ys[b * ty + s] = 1f;
        }
      }
    }
    Tensor x = Tensor.wrap(xs, n, tx, 6);
    Tensor y = Tensor.wrap(ys, n, ty, 1);
    BceWithLogitsLoss bce = new BceWithLogitsLoss();
    Adam opt = new Adam(m.trainableParameters(), 0.02);
    m.train();
    float first = 0;
    float last = 0;
    for (int step = 0; step < 120; step++) {
      opt.zeroGrad();
      Tensor loss = bce.apply(m.forward(x), y);
      loss.backward();
      opt.step();
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    // training-mode loss (eval mode uses the batch-norm moving statistics, which at Keras's
    // momentum 0.99 are still far from settled after 120 steps)
    assertThat(last).isLessThan(first * 0.5f);
    Tensor bias = m.namedParameters().get("gru1.bias_hh_l0");
    for (float v : bias.data()) {
      assertThat(v).isZero(); // frozen in the course form
    }
  }
}
