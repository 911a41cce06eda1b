package org.seqlearn.layers.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/** Finite-difference gradient checks of every module with parameters, wrt inputs and params. */
class ModulesGradientTest {

  private static Tensor input(long seed, int... shape) {
    return Tensor.uniform(-1f, 1f, seed, shape).requiresGrad(true);
  }

  @Test
  void linear() {
    Linear m = new Linear(4, 3, true, 1L);
    GradCheck.check(in -> m.forward(in[0]), input(2L, 2, 3, 4), m.weight(), m.bias());
  }

  @Test
  void embedding() {
    Embedding m = new Embedding(5, 3, Embedding.NO_PADDING, 3L);
    IntTensor ids = IntTensor.of(new int[] {1, 4, 4, 0, 2, 1}, 2, 3);
    GradCheck.check(in -> m.forward(ids), m.weight());
    // With a padding row the gradient deliberately differs from finite differences there (it
    // is 0, as in PyTorch), so the check covers the other rows: ids without the padding id.
    Embedding padded = new Embedding(5, 3, 3, 3L);
    GradCheck.check(in -> padded.forward(ids), padded.weight());
    padded.zeroGrad();
    padded.forward(IntTensor.vector(3, 3, 1)).sum().backward();
    assertThat(padded.weight().grad().toArray()).containsExactly(0f, 0f, 0f, 1f, 1f, 1f, 0f, 0f, 0f, 0f, 0f,
        0f, 0f, 0f, 0f);
  }

  @Test
  void layerNorm() {
    LayerNorm m = new LayerNorm(3, 4);
    System.arraycopy(Tensor.uniform(0.5f, 1.5f, 4L, 12).data(), 0, m.weight().data(), 0, 12);
    GradCheck.check(in -> m.forward(in[0]), input(5L, 2, 3, 4), m.weight(), m.bias());
  }

  @Test
  void batchNormTrainingAndEval() {
    BatchNorm1d m = new BatchNorm1d(3);
    System.arraycopy(Tensor.uniform(0.5f, 1.5f, 6L, 3).data(), 0, m.weight().data(), 0, 3);
    GradCheck.check(in -> m.forward(in[0]), input(7L, 4, 3, 5), m.weight(), m.bias());
    GradCheck.check(in -> m.forward(in[0]), input(8L, 5, 3), m.weight(), m.bias());
    m.eval();
    GradCheck.check(in -> m.forward(in[0]), input(9L, 4, 3, 2), m.weight(), m.bias());
  }

  @Test
  void withoutBiasOrAffineParameters() {
    Linear linear = new Linear(3, 2, false, 20L);
    GradCheck.check(in -> linear.forward(in[0]), input(21L, 4, 3), linear.weight());
    LayerNorm ln = new LayerNorm(new int[] {5}, 1e-5f, false);
    GradCheck.check(in -> ln.forward(in[0]), input(22L, 3, 5));
    BatchNorm1d bn = new BatchNorm1d(2, 1e-5f, 0.1f, false);
    GradCheck.check(in -> bn.forward(in[0]), input(23L, 6, 2));
    Conv1d conv = new Conv1d(1, 2, 2, 1, 0, 1, false, 24L);
    GradCheck.check(in -> conv.forward(in[0]), input(25L, 1, 1, 5), conv.weight());
  }

  @Test
  void conv1d() {
    Conv1d m = new Conv1d(2, 3, 3, 2, 1, 2, true, 10L);
    GradCheck.check(in -> m.forward(in[0]), input(11L, 2, 2, 9), m.weight(), m.bias());
  }

  @Test
  void timeDistributedConvAndSequential() {
    Sequential s = new Sequential(new Linear(3, 4, true, 12L), new Tanh(),
        new Linear(4, 2, true, 13L), new Sigmoid());
    Tensor[] params = s.parameters().toArray(new Tensor[0]);
    Tensor x = input(14L, 2, 3, 3);
    Tensor[] all = new Tensor[params.length + 1];
    all[0] = x;
    System.arraycopy(params, 0, all, 1, params.length);
    GradCheck.check(in -> s.forward(in[0]), all);
    TimeDistributed td = new TimeDistributed(new Conv1d(2, 2, 2, 1, 0, 1, true, 15L));
    Tensor w = td.parameters().get(0);
    GradCheck.check(in -> td.forward(in[0]).softmax(-1), input(16L, 2, 3, 2, 4), w);
  }
}
