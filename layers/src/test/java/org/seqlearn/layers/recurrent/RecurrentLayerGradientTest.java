package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.MultiOutputGradCheck;

/**
 * Finite-difference checks of whole stacks: two layers, both directions, every merge mode, masked
 * lengths, time-first layout, last-step output. Inputs are the input, the initial states and
 * every parameter.
 */
class RecurrentLayerGradientTest {

  private static final double EPS = 1e-2;

  private static Tensor[] leaves(RecurrentLayer layer, int batch, int time, int states) {
    Rng rng = new Rng(17);
    List<Tensor> in = new ArrayList<>();
    RecurrentOptions o = layer.options();
    int[] xShape = o.batchFirst()
        ? new int[] {batch, time, layer.inputSize()} : new int[] {time, batch, layer.inputSize()};
    in.add(Tensor.uniform(-1f, 1f, rng, xShape).requiresGrad(true));
    for (int s = 0; s < states; s++) {
      in.add(Tensor.uniform(-1f, 1f, rng, o.numLayers() * o.numDirections(), batch,
          layer.hiddenSize()).requiresGrad(true));
    }
    in.addAll(layer.parameters());
    return in.toArray(new Tensor[0]);
  }

  private static Tensor[] outputs(RecurrentOutput out) {
    return out.cN() == null ? new Tensor[] {out.output(), out.hN()}
        : new Tensor[] {out.output(), out.hN(), out.cN()};
  }

  @Test
  void lstmTwoLayersBidirectionalMasked() {
    int[] lengths = {3, 1, 4};
    for (MergeMode merge : MergeMode.values()) {
      Lstm lstm = new Lstm(3, 2, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
          .merge(merge).batchFirst(true).seed(3));
      MultiOutputGradCheck.check(in -> outputs(lstm.forward(in[0], lengths, in[1], in[2])), EPS,
          leaves(lstm, 3, 4, 2));
    }
  }

  @Test
  void lstmPeepholeStack() {
    Lstm lstm = new Lstm(3, 2, true, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
        .batchFirst(true).seed(6));
    assertThat(lstm.stateDict()).containsKey("weight_peephole_l1_reverse");
    MultiOutputGradCheck.check(
        in -> outputs(lstm.forward(in[0], new int[] {2, 4}, in[1], in[2])), EPS,
        leaves(lstm, 2, 4, 2));
  }

  @Test
  void gruTwoLayersTimeFirstLastStep() {
    Gru gru = new Gru(3, 2, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
        .returnSequences(false).seed(4));
    MultiOutputGradCheck.check(in -> outputs(gru.forward(in[0], new int[] {2, 4}, in[1])), EPS,
        leaves(gru, 2, 4, 1));
  }

  @Test
  void rnnTanhAndReluTwoLayersBidirectional() {
    for (RnnActivation act : RnnActivation.values()) {
      Rnn rnn = new Rnn(3, 2, act, RecurrentOptions.defaults().numLayers(2).bidirectional(true)
          .batchFirst(true).seed(5));
      double eps = act == RnnActivation.RELU ? 1e-3 : EPS;
      MultiOutputGradCheck.check(in -> outputs(rnn.forward(in[0], new int[] {4, 2, 3}, in[1])), eps,
          leaves(rnn, 3, 4, 1));
    }
  }

  @Test
  void cells() {
    Rng rng = new Rng(8);
    LstmCell lstm = new LstmCell(3, 2, true, 1L);
    Tensor x = Tensor.uniform(-1f, 1f, rng, 2, 3).requiresGrad(true);
    Tensor h = Tensor.uniform(-1f, 1f, rng, 2, 2).requiresGrad(true);
    Tensor c = Tensor.uniform(-1f, 1f, rng, 2, 2).requiresGrad(true);
    List<Tensor> in = new ArrayList<>(List.of(x, h, c));
    in.addAll(lstm.parameters());
    MultiOutputGradCheck.check(t -> lstm.forward(t[0], t[1], t[2]), EPS, in.toArray(new Tensor[0]));
    GruCell gru = new GruCell(3, 2, GruForm.COURSE, true, 2L);
    List<Tensor> in2 = new ArrayList<>(List.of(x, h));
    in2.addAll(gru.parameters());
    MultiOutputGradCheck.check(t -> new Tensor[] {gru.forward(t[0], t[1])}, EPS,
        in2.toArray(new Tensor[0]));
  }
}
