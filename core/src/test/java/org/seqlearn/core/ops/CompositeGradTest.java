package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/** Gradient checks of small models built from several ops, as the layers will use them. */
class CompositeGradTest {

  @Test
  void maskedScaledDotProductAttention() {
    // q, k, v: [batch, time, dim]; mask hides the last key of the second sequence.
    Tensor q = param(81L, 2, 3, 4);
    Tensor k = param(82L, 2, 3, 4);
    Tensor v = param(83L, 2, 3, 4);
    Tensor mask = Tensor.fromArray(new float[] {0f, 0f, 0f, 0f, 0f, 1f}, 2, 1, 3);
    GradCheck.check(in -> {
      Tensor scores = in[0].matmul(in[1], false, true).mul(0.5f).maskedFill(mask, -1e9f);
      return scores.softmax(-1).matmul(in[2]);
    }, q, k, v);
  }

  @Test
  void crossEntropyOfALinearLayer() {
    Tensor x = param(84L, 2, 3, 5);
    Tensor w = param(85L, 5, 4);
    Tensor b = param(86L, 4);
    IntTensor targets = IntTensor.of(new int[] {0, 3, 2, 1, 1, 3}, 2, 3, 1);
    GradCheck.check(in -> {
      Tensor logits = in[0].matmul(in[1]).add(in[2]);
      return logits.logSoftmax(-1).gather(2, targets).mean().neg();
    }, x, w, b);
  }

  @Test
  void lstmStyleGates() {
    // One step: z = x Wx + h Wh + b, gates i, f, g, o split from z; c' = f c + i g; h' = o tanh c'.
    Tensor x = param(87L, 2, 3);
    Tensor h = param(88L, 2, 2);
    Tensor c = param(89L, 2, 2);
    Tensor wx = param(90L, 3, 8);
    Tensor wh = param(91L, 2, 8);
    Tensor b = param(92L, 8);
    GradCheck.check(in -> {
      Tensor z = in[0].matmul(in[3]).add(in[1].matmul(in[4])).add(in[5]);
      Tensor[] gates = z.split(1, 2, 2, 2, 2);
      Tensor cNext = gates[1].sigmoid().mul(in[2]).add(gates[0].sigmoid().mul(gates[2].tanh()));
      return gates[3].sigmoid().mul(cNext.tanh());
    }, x, h, c, wx, wh, b);
  }

  @Test
  void embeddingThenMeanPoolThenLayerNormLikeScaling() {
    Tensor emb = param(93L, 6, 4);
    IntTensor ids = IntTensor.of(new int[] {1, 5, 5, 0, 2, 1}, 2, 3);
    GradCheck.check(in -> {
      Tensor e = Ops.embedding(in[0], ids);
      Tensor mu = e.mean(-1, true);
      Tensor centered = e.sub(mu);
      Tensor var = centered.pow(2f).mean(-1, true);
      return centered.div(var.add(1e-5f).sqrt()).mean(1, false);
    }, emb);
  }

  @Test
  void trainingALinearModelReducesTheLoss() {
    // Fit y = x [1, -2]^T + 0.5 by gradient descent on the mean squared error.
    Tensor x = Tensor.uniform(-1f, 1f, 94L, 32, 2);
    Tensor y = x.matmul(Tensor.fromArray(new float[] {1f, -2f}, 2, 1)).add(0.5f);
    Tensor w = Tensor.zeros(2, 1).requiresGrad(true);
    Tensor b = Tensor.zeros(1).requiresGrad(true);
    float first = 0;
    float last = 0;
    for (int step = 0; step < 200; step++) {
      Tensor loss = x.matmul(w).add(b).sub(y).pow(2f).mean();
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
      w.zeroGrad();
      b.zeroGrad();
      loss.backward();
      sgd(w, 0.3f);
      sgd(b, 0.3f);
    }
    assertThat(last).isLessThan(first * 1e-3f);
    assertThat(w.get(0, 0)).isCloseTo(1f, within(0.05f));
    assertThat(b.get(0)).isCloseTo(0.5f, within(0.05f));
  }

  private static void sgd(Tensor p, float lr) {
    float[] d = p.data();
    float[] g = p.grad().data();
    for (int i = 0; i < d.length; i++) {
      d[i] -= lr * g[i];
    }
  }
}
