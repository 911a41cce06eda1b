package org.seqlearn.layers.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.loss.FixtureFile;
import org.seqlearn.layers.loss.FixtureFile.Case;

/** Outputs and gradients against PyTorch (fixtures from tools/gen_nn_fixtures.py). */
class ModulesParityTest {

  private static final List<Case> CASES = FixtureFile.load("/nn/modules.txt");
  private static final double RTOL = 1e-5;
  private static final double ATOL = 1e-6;

  private static Case fixture(String name) {
    return FixtureFile.find(CASES, name);
  }

  private static void set(Tensor param, Case c, String key) {
    assertThat(param.shape()).containsExactly(c.shape(key));
    System.arraycopy(c.floats(key), 0, param.data(), 0, param.numel());
  }

  private static void check(Case c, String key, Tensor actual) {
    assertThat(actual).as(c.name + " " + key).isNotNull();
    assertThat(actual.shape()).as(c.name + " " + key + " shape").containsExactly(c.shape(key));
    assertClose(c.name + " " + key, actual.data(), c.doubles(key), RTOL, ATOL);
  }

  private static void backward(Case c, Tensor out) {
    out.backward(c.tensor("gout"));
  }

  @Test
  void linearOnThreeDimensionalInput() {
    Case c = fixture("linear");
    Linear m = new Linear(4, 5);
    set(m.weight(), c, "weight");
    set(m.bias(), c, "bias");
    Tensor x = c.tensor("x").requiresGrad(true);
    Tensor out = m.forward(x);
    check(c, "out", out);
    backward(c, out);
    check(c, "grad_x", x.grad());
    check(c, "grad_weight", m.weight().grad());
    check(c, "grad_bias", m.bias().grad());
  }

  @Test
  void embeddingPaddingRowGetsNoGradient() {
    Case c = fixture("embedding_padding");
    Embedding m = Embedding.fromPretrained(c.tensor("weight"), false, c.integer("padding_idx"));
    Tensor out = m.forward(c.intTensor("ids"));
    check(c, "out", out);
    backward(c, out);
    check(c, "grad_weight", m.weight().grad());
  }

  @Test
  void layerNormOverOneAndTwoDims() {
    for (String name : new String[] {"layer_norm_last", "layer_norm_two"}) {
      Case c = fixture(name);
      LayerNorm m = new LayerNorm(c.ints("normalized_shape"));
      set(m.weight(), c, "weight");
      set(m.bias(), c, "bias");
      Tensor x = c.tensor("x").requiresGrad(true);
      Tensor out = m.forward(x);
      check(c, "out", out);
      backward(c, out);
      check(c, "grad_x", x.grad());
      check(c, "grad_weight", m.weight().grad());
      check(c, "grad_bias", m.bias().grad());
    }
  }

  @Test
  void batchNormTrainStepRunningStatsAndEval() {
    for (String name : new String[] {"batch_norm_2d", "batch_norm_3d"}) {
      Case c = fixture(name);
      BatchNorm1d m = new BatchNorm1d(c.shape("weight")[0]);
      set(m.weight(), c, "weight");
      set(m.bias(), c, "bias");
      set(m.runningMean(), c, "running_mean0");
      set(m.runningVar(), c, "running_var0");
      Tensor x = c.tensor("x").requiresGrad(true);
      Tensor out = m.forward(x);
      check(c, "out", out);
      backward(c, out);
      check(c, "grad_x", x.grad());
      check(c, "grad_weight", m.weight().grad());
      check(c, "grad_bias", m.bias().grad());
      check(c, "running_mean", m.runningMean());
      check(c, "running_var", m.runningVar());
      assertThat(m.numBatchesTracked()).isEqualTo(c.integer("num_batches_tracked"));
      m.eval();
      check(c, "out_eval", m.forward(c.tensor("x_eval")));
    }
  }

  @Test
  void conv1dWithStridePaddingAndDilation() {
    for (String name : new String[] {"conv1d_basic", "conv1d_stride_pad_dilation"}) {
      Case c = fixture(name);
      int[] k = c.ints("config");
      Conv1d m = new Conv1d(k[0], k[1], k[2], k[3], k[4], k[5], true, 0L);
      set(m.weight(), c, "weight");
      set(m.bias(), c, "bias");
      Tensor x = c.tensor("x").requiresGrad(true);
      Tensor out = m.forward(x);
      check(c, "out", out);
      backward(c, out);
      check(c, "grad_x", x.grad());
      check(c, "grad_weight", m.weight().grad());
      check(c, "grad_bias", m.bias().grad());
    }
  }

  @Test
  void pytorchParameterNames() {
    assertThat(new Linear(2, 3).stateDict().keySet()).containsExactly("weight", "bias");
    assertThat(new Conv1d(2, 3, 2).stateDict().keySet()).containsExactly("weight", "bias");
    assertThat(new LayerNorm(4).stateDict().keySet()).containsExactly("weight", "bias");
    Module bn = new BatchNorm1d(3);
    assertThat(bn.stateDict().keySet()).containsExactly("weight", "bias", "running_mean",
        "running_var", "num_batches_tracked");
    assertThat(bn.namedParameters().keySet()).containsExactly("weight", "bias");
    assertThat(new Embedding(5, 2).stateDict().keySet()).containsExactly("weight");
  }
}
