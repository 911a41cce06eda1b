package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.WeightedSum;

/**
 * Outputs, final states and gradients equal PyTorch's (fixtures from {@code
 * tools/gen_recurrent_fixtures.py}) within 1e-5 of each tensor's value scale.
 */
class PyTorchParityTest {

  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @ValueSource(strings = {"lstm_1layer", "lstm_2layer_bi", "lstm_2layer_bi_varlen", "gru_1layer",
      "gru_2layer_bi", "gru_bi_varlen", "rnn_tanh_1layer", "rnn_relu_2layer_bi",
      "rnn_tanh_2layer_varlen", "lstm_h16_bi_varlen", "gru_h16_2layer_varlen"})
  void layerMatchesPyTorch(String name) {
    RecurrentFixture f = RecurrentFixture.load(name);
    String mode = f.meta.get("mode");
    RecurrentOptions o = RecurrentOptions.defaults()
        .numLayers(f.metaInt("layers"))
        .bidirectional(f.metaInt("bidirectional") == 1)
        .batchFirst(f.metaInt("batch_first") == 1);
    int in = f.metaInt("input");
    int hidden = f.metaInt("hidden");
    Tensor x = f.tensor("x").requiresGrad(true);
    Tensor h0 = f.tensor("h0").requiresGrad(true);
    Tensor c0 = f.has("c0") ? f.tensor("c0").requiresGrad(true) : null;
    RecurrentOutput out;
    Module layer;
    switch (mode) {
      case "LSTM" -> {
        Lstm lstm = new Lstm(in, hidden, o);
        lstm.loadStateDict(f.parameters());
        out = lstm.forward(x, f.lengths(), h0, c0);
        layer = lstm;
      }
      case "GRU" -> {
        Gru gru = new Gru(in, hidden, o);
        gru.loadStateDict(f.parameters());
        out = gru.forward(x, f.lengths(), h0);
        layer = gru;
      }
      default -> {
        RnnActivation act = f.meta.get("nonlinearity").equals("relu")
            ? RnnActivation.RELU : RnnActivation.TANH;
        Rnn rnn = new Rnn(in, hidden, act, o);
        rnn.loadStateDict(f.parameters());
        out = rnn.forward(x, f.lengths(), h0);
        layer = rnn;
      }
    }
    assertClose(f, "y", out.output());
    assertClose(f, "hN", out.hN());
    List<Tensor> outs = new ArrayList<>(List.of(out.output(), out.hN()));
    List<Tensor> weights = new ArrayList<>(List.of(f.tensor("wy"), f.tensor("wh")));
    if (c0 != null) {
      assertClose(f, "cN", out.cN());
      outs.add(out.cN());
      weights.add(f.tensor("wc"));
    }
    new WeightedSum(weights.toArray(new Tensor[0])).apply(outs.toArray(new Tensor[0]))
        .backward();
    assertClose(f, "grad.x", x.grad());
    assertClose(f, "grad.h0", h0.grad());
    if (c0 != null) {
      assertClose(f, "grad.c0", c0.grad());
    }
    for (Map.Entry<String, Tensor> p : layer.namedParameters().entrySet()) {
      assertClose(f, "grad." + p.getKey(), p.getValue().grad());
    }
    assertThat(layer.stateDict().keySet()).containsExactlyInAnyOrderElementsOf(
        f.parameters().keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lstm_cell", "gru_cell", "rnn_relu_cell"})
  void cellMatchesPyTorch(String name) {
    RecurrentFixture f = RecurrentFixture.load(name);
    int in = f.metaInt("input");
    int hidden = f.metaInt("hidden");
    Tensor x = f.tensor("x").requiresGrad(true);
    Tensor h0 = f.tensor("h0").requiresGrad(true);
    Tensor c0 = f.has("c0") ? f.tensor("c0").requiresGrad(true) : null;
    RecurrentCell cell;
    Tensor[] next;
    switch (f.meta.get("mode")) {
      case "LSTM" -> {
        LstmCell c = new LstmCell(in, hidden);
        c.loadStateDict(f.parameters());
        next = c.forward(x, h0, c0);
        cell = c;
      }
      case "GRU" -> {
        GruCell c = new GruCell(in, hidden);
        c.loadStateDict(f.parameters());
        next = new Tensor[] {c.forward(x, h0)};
        cell = c;
      }
      default -> {
        RnnCell c = new RnnCell(in, hidden, RnnActivation.RELU, true, 0L);
        c.loadStateDict(f.parameters());
        next = new Tensor[] {c.forward(x, h0)};
        cell = c;
      }
    }
    assertClose(f, "hN", next[0]);
    Tensor[] w = c0 == null ? new Tensor[] {f.tensor("wh")}
        : new Tensor[] {f.tensor("wh"), f.tensor("wc")};
    if (c0 != null) {
      assertClose(f, "cN", next[1]);
    }
    new WeightedSum(w).apply(next).backward();
    assertClose(f, "grad.x", x.grad());
    assertClose(f, "grad.h0", h0.grad());
    if (c0 != null) {
      assertClose(f, "grad.c0", c0.grad());
    }
    for (Map.Entry<String, Tensor> p : cell.namedParameters().entrySet()) {
      assertClose(f, "grad." + p.getKey(), p.getValue().grad());
    }
  }

  /** The variants PyTorch has no module for, against step-by-step torch references. */
  @ParameterizedTest
  @ValueSource(strings = {"course_gru", "course_gru_reverse_varlen", "peephole_lstm",
      "peephole_lstm_reverse_varlen"})
  void variantsMatchStepByStepTorch(String name) {
    RecurrentFixture f = RecurrentFixture.load(name);
    boolean lstm = f.meta.get("mode").equals("PEEPHOLE_LSTM");
    int hidden = f.metaInt("hidden");
    int batch = f.shapes.get("x")[0];
    boolean reverse = f.metaInt("reverse") == 1;
    Tensor x = f.tensor("x").requiresGrad(true);
    Tensor h0 = f.tensor("h0").requiresGrad(true);
    Tensor c0 = lstm ? f.tensor("c0").requiresGrad(true) : null;
    Map<String, Tensor> p = f.parameters();
    List<String> keys = new ArrayList<>(p.keySet());
    List<Tensor> args = new ArrayList<>();
    args.add(x);
    args.add(h0.reshape(batch, hidden));
    if (lstm) {
      args.add(c0.reshape(batch, hidden));
    }
    for (String k : keys) {
      args.add(p.get(k).requiresGrad(true));
    }
    Tensor[] out = (lstm ? new LstmSequence(reverse, f.lengths(), true)
        : new CourseGruSequence(reverse, f.lengths())).applyAll(args.toArray(new Tensor[0]));
    Tensor hN = out[1].reshape(1, batch, hidden);
    assertClose(f, "y", out[0]);
    assertClose(f, "hN", hN);
    if (lstm) {
      Tensor cN = out[2].reshape(1, batch, hidden);
      assertClose(f, "cN", cN);
      new WeightedSum(f.tensor("wy"), f.tensor("wh"), f.tensor("wc")).apply(out[0], hN, cN)
          .backward();
      assertClose(f, "grad.c0", c0.grad());
    } else {
      new WeightedSum(f.tensor("wy"), f.tensor("wh")).apply(out[0], hN).backward();
    }
    assertClose(f, "grad.x", x.grad());
    assertClose(f, "grad.h0", h0.grad());
    for (String k : keys) {
      assertClose(f, "grad." + k, p.get(k).grad());
    }
  }

  /** |actual − expected| ≤ 1e-5 · max|expected| elementwise; returns the relative error. */
  static double assertClose(RecurrentFixture f, String key, Tensor actual) {
    double[] e = f.values.get(key);
    assertThat(actual).as("%s: %s", f.name, key).isNotNull();
    assertThat(actual.shape()).as("%s: shape of %s", f.name, key)
        .containsExactly(f.shapes.get(key));
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    scale = Math.max(scale, 1e-6);
    double worst = 0;
    float[] a = actual.data();
    for (int i = 0; i < e.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - e[i]) / scale);
    }
    assertThat(worst).as("%s: %s max error relative to scale %.3g", f.name, key, scale)
        .isLessThanOrEqualTo(TOLERANCE);
    return worst;
  }
}
