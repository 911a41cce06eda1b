package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/** Behaviour of the layers: names, init, layouts, lengths, merge, dropout, errors. */
class RecurrentLayerTest {

  @Test
  void stateDictUsesPyTorchKeysAndShapes() {
    Lstm lstm = new Lstm(5, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true));
    Map<String, Tensor> sd = lstm.stateDict();
    assertThat(sd.keySet()).containsExactly("weight_ih_l0", "weight_hh_l0", "bias_ih_l0",
        "bias_hh_l0", "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse",
        "bias_hh_l0_reverse", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
        "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse",
        "bias_hh_l1_reverse");
    assertThat(sd.get("weight_ih_l0").shape()).containsExactly(16, 5);
    assertThat(sd.get("weight_ih_l1").shape()).containsExactly(16, 8);
    assertThat(new Gru(5, 4, RecurrentOptions.defaults().bias(false)).stateDict().keySet())
        .containsExactly("weight_ih_l0", "weight_hh_l0");
    Gru summed = new Gru(5, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
        .merge(MergeMode.SUM));
    assertThat(summed.stateDict().get("weight_ih_l1").shape()).containsExactly(12, 4);
  }

  @Test
  void describesItself() {
    assertThat(new Lstm(4, 3, RecurrentOptions.defaults().numLayers(2).bidirectional(true)))
        .hasToString("Lstm(4, 3, numLayers=2, bidirectional=CONCAT)");
    assertThat(new Gru(4, 3)).hasToString("Gru(4, 3)");
  }

  @Test
  void initIsUniformInPyTorchRangeAndSeeded() {
    Rnn a = new Rnn(3, 16, RnnActivation.TANH, RecurrentOptions.defaults().seed(7));
    Rnn b = new Rnn(3, 16, RnnActivation.TANH, RecurrentOptions.defaults().seed(7));
    Rnn c = new Rnn(3, 16, RnnActivation.TANH, RecurrentOptions.defaults().seed(8));
    for (Tensor p : a.parameters()) {
      for (float v : p.data()) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo(0.25f);
      }
    }
    assertThat(a.stateDict().get("weight_hh_l0").toArray())
        .containsExactly(b.stateDict().get("weight_hh_l0").toArray())
        .isNotEqualTo(c.stateDict().get("weight_hh_l0").toArray());
  }

  @Test
  void loadStateDictIsStrictAndNamesEveryProblem() {
    Gru gru = new Gru(3, 2);
    Map<String, Tensor> sd = new LinkedHashMap<>(gru.stateDict());
    sd.remove("bias_hh_l0");
    sd.put("weight_ih_l0", Tensor.zeros(6, 4));
    sd.put("weight_ih_l1", Tensor.zeros(6, 2));
    float before = gru.stateDict().get("weight_hh_l0").get(0, 0);
    sd.put("weight_hh_l0", Tensor.zeros(6, 2));
    assertThatThrownBy(() -> gru.loadStateDict(sd))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing keys [bias_hh_l0]")
        .hasMessageContaining("unexpected keys [weight_ih_l1]")
        .hasMessageContaining("weight_ih_l0: expected [6, 3], got [6, 4]");
    assertThat(gru.stateDict().get("weight_hh_l0").get(0, 0)).isEqualTo(before);
  }

  @Test
  void timeFirstEqualsBatchFirst() {
    RecurrentOptions o = RecurrentOptions.defaults().numLayers(2).bidirectional(true).seed(1);
    Lstm tf = new Lstm(3, 4, o);
    Lstm bf = new Lstm(3, 4, o.batchFirst(true));
    Tensor x = Tensor.uniform(-1f, 1f, 2L, 2, 5, 3);
    Tensor xt = Tensor.zeros(5, 2, 3);
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 5; t++) {
        for (int i = 0; i < 3; i++) {
          xt.set(x.get(b, t, i), t, b, i);
        }
      }
    }
    RecurrentOutput a = bf.forward(x);
    RecurrentOutput b = tf.forward(xt);
    assertThat(b.output().shape()).containsExactly(5, 2, 8);
    assertThat(a.output().get(1, 3, 6)).isEqualTo(b.output().get(3, 1, 6));
    assertThat(a.hN().toArray()).containsExactly(b.hN().toArray());
    assertThat(a.cN().shape()).containsExactly(4, 2, 4);
  }

  @Test
  void lengthsActLikeTruncatedSequences() {
    Gru gru = new Gru(3, 4, RecurrentOptions.defaults().bidirectional(true).batchFirst(true)
        .seed(2));
    Tensor x = Tensor.uniform(-1f, 1f, 3L, 2, 6, 3);
    RecurrentOutput padded = gru.forward(x, new int[] {6, 3});
    Tensor shortOnly = Tensor.zeros(1, 3, 3);
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < 3; i++) {
        shortOnly.set(x.get(1, t, i), 0, t, i);
      }
    }
    RecurrentOutput alone = gru.forward(shortOnly);
    for (int t = 0; t < 6; t++) {
      for (int j = 0; j < 8; j++) {
        float expected = t < 3 ? alone.output().get(0, t, j) : 0f;
        assertThat(padded.output().get(1, t, j)).isCloseTo(expected, within(1e-6f));
      }
    }
    for (int d = 0; d < 2; d++) {
      for (int j = 0; j < 4; j++) {
        assertThat(padded.hN().get(d, 1, j)).isCloseTo(alone.hN().get(d, 0, j), within(1e-6f));
      }
    }
  }

  @Test
  void lastStepMergesFinalStatesOfTopLayer() {
    Lstm lstm = new Lstm(3, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
        .batchFirst(true).returnSequences(false).merge(MergeMode.AVERAGE).seed(3));
    RecurrentOutput out = lstm.forward(Tensor.uniform(-1f, 1f, 4L, 2, 5, 3), new int[] {5, 2});
    assertThat(out.output().shape()).containsExactly(2, 4);
    for (int b = 0; b < 2; b++) {
      for (int j = 0; j < 4; j++) {
        float avg = 0.5f * (out.hN().get(2, b, j) + out.hN().get(3, b, j));
        assertThat(out.output().get(b, j)).isCloseTo(avg, within(1e-6f));
      }
    }
  }

  @Test
  void dropoutOnlyBetweenLayersAndOnlyInTraining() {
    RecurrentOptions o = RecurrentOptions.defaults().numLayers(2).dropout(0.5f).seed(4)
        .batchFirst(true);
    Tensor x = Tensor.uniform(-1f, 1f, 5L, 2, 4, 3);
    Rnn a = new Rnn(3, 4, RnnActivation.TANH, o);
    Rnn b = new Rnn(3, 4, RnnActivation.TANH, o);
    Rnn plain = new Rnn(3, 4, RnnActivation.TANH, o.dropout(0f));
    float[] trainA = a.forward(x).output().toArray();
    assertThat(b.forward(x).output().toArray()).containsExactly(trainA);
    assertThat(trainA).isNotEqualTo(plain.forward(x).output().toArray());
    a.eval();
    assertThat(a.isTraining()).isFalse();
    assertThat(a.forward(x).output().toArray())
        .containsExactly(plain.forward(x).output().toArray());
  }

  @Test
  void noGradRecordsNothing() {
    Lstm lstm = new Lstm(3, 2);
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      RecurrentOutput out = lstm.forward(Tensor.ones(4, 2, 3));
      assertThat(out.output().requiresGrad()).isFalse();
    }
  }

  @Test
  void badArgumentsNameExpectedAndActual() {
    Lstm lstm = new Lstm(3, 2, RecurrentOptions.defaults().batchFirst(true));
    assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 4, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[batch, time, 3]").hasMessageContaining("[2, 4, 5]");
    assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 4, 3), new int[] {4, 5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths[1]");
    assertThatThrownBy(() -> lstm.forward(Tensor.zeros(2, 4, 3), null, Tensor.zeros(1, 3, 2),
        null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 2, 2]").hasMessageContaining("[1, 3, 2]");
    assertThatThrownBy(() -> new LstmSequence().applyAll(Tensor.zeros(2, 4, 3),
        Tensor.zeros(2, 2), Tensor.zeros(2, 2), Tensor.zeros(8, 4), Tensor.zeros(8, 2),
        Tensor.zeros(8), Tensor.zeros(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight_ih must be [8, 3], got [8, 4]");
    assertThatThrownBy(() -> RecurrentOptions.defaults().numLayers(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cellStepsMatchTheLayer() {
    LstmCell cell = new LstmCell(3, 2, true, 9L);
    Lstm lstm = new Lstm(3, 2, RecurrentOptions.defaults().batchFirst(true));
    Map<String, Tensor> sd = new LinkedHashMap<>();
    cell.stateDict().forEach((k, v) -> sd.put(k + "_l0", v));
    lstm.loadStateDict(sd);
    Tensor x = Tensor.uniform(-1f, 1f, new Rng(6), 2, 4, 3);
    RecurrentOutput full = lstm.forward(x);
    Tensor h = null;
    Tensor c = null;
    for (int t = 0; t < 4; t++) {
      Tensor xt = Tensor.zeros(2, 3);
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
          xt.set(x.get(b, t, i), b, i);
        }
      }
      Tensor[] next = cell.forward(xt, h, c);
      h = next[0];
      c = next[1];
      for (int b = 0; b < 2; b++) {
        for (int j = 0; j < 2; j++) {
          assertThat(h.get(b, j)).isCloseTo(full.output().get(b, t, j), within(1e-6f));
        }
      }
    }
  }

  @Test
  void forgetGateBiasIsSetInEveryLayerAndDirection() {
    Lstm lstm = new Lstm(3, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
        .seed(8));
    Map<String, Tensor> before = lstm.stateDict();
    assertThat(lstm.initForgetGateBias(1.5f)).isSameAs(lstm);
    int biases = 0;
    for (Map.Entry<String, Tensor> p : lstm.namedParameters().entrySet()) {
      String name = p.getKey();
      float[] now = p.getValue().data();
      float[] old = before.get(name).data();
      boolean ih = name.startsWith("bias_ih");
      boolean hh = name.startsWith("bias_hh");
      biases += ih || hh ? 1 : 0;
      for (int j = 0; j < now.length; j++) {
        boolean forgetRow = (ih || hh) && j >= 4 && j < 8;
        float expected = !forgetRow ? old[j] : ih ? 1.5f : 0f;
        assertThat(now[j]).as("%s[%d]", name, j).isEqualTo(expected);
      }
    }
    assertThat(biases).isEqualTo(8);
    Lstm noBias = new Lstm(3, 4, RecurrentOptions.defaults().bias(false));
    assertThatThrownBy(() -> noBias.initForgetGateBias(1f))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no biases");
  }
}
