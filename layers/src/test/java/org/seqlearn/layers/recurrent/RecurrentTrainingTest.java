package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.loss.MseLoss;
import org.seqlearn.layers.optim.Sgd;

/** The layers learn: a many-to-one task trained by plain SGD; and empty sequences work. */
class RecurrentTrainingTest {

  /**
   * Sign of the sum of a sequence of variable length, as a regression to ±1 from the last step
   * of a bidirectional LSTM (summed directions) through a linear read-out.
   */
  @Test
  void lstmLearnsTheSignOfASum() {
    int batch = 16;
    int time = 6;
    Rng rng = new Rng(5);
    Tensor x = Tensor.uniform(-1f, 1f, rng, batch, time, 1);
    int[] lengths = new int[batch];
    float[] target = new float[batch];
    for (int b = 0; b < batch; b++) {
      lengths[b] = 2 + rng.nextInt(time - 1);
      float s = 0;
      for (int t = 0; t < lengths[b]; t++) {
        s += x.get(b, t, 0);
      }
      target[b] = s > 0 ? 1f : -1f;
    }
    Tensor y = Tensor.wrap(target, batch, 1);
    Lstm lstm = new Lstm(1, 8, RecurrentOptions.defaults().bidirectional(true)
        .merge(MergeMode.SUM).batchFirst(true).returnSequences(false).seed(3));
    Tensor readout = Tensor.uniform(-0.3f, 0.3f, 4L, 8, 1).requiresGrad(true);
    List<Tensor> params = new ArrayList<>(lstm.parameters());
    params.add(readout);
    Sgd sgd = new Sgd(params, 0.3);
    MseLoss mse = new MseLoss();
    float first = 0;
    float last = 0;
    for (int step = 0; step < 300; step++) {
      sgd.zeroGrad();
      Tensor loss = mse.apply(lstm.forward(x, lengths).output().matmul(readout), y);
      loss.backward();
      sgd.step();
      if (step == 0) {
        first = loss.item();
      }
      last = loss.item();
    }
    assertThat(last).as("loss after training vs at start %s", first).isLessThan(0.2f * first);
  }

  @Test
  void emptyTimeAxisPassesStatesThrough() {
    Gru gru = new Gru(3, 2, RecurrentOptions.defaults().batchFirst(true).bidirectional(true));
    Tensor x = Tensor.zeros(2, 0, 3).requiresGrad(true);
    Tensor h0 = Tensor.uniform(-1f, 1f, 1L, 2, 2, 2).requiresGrad(true);
    RecurrentOutput out = gru.forward(x, null, h0);
    assertThat(out.output().shape()).containsExactly(2, 0, 4);
    assertThat(out.hN().toArray()).containsExactly(h0.toArray());
    out.hN().sum().backward();
    assertThat(h0.grad().toArray()).containsOnly(1f);
    assertThat(gru.parameters().get(0).grad().toArray()).containsOnly(0f);
  }
}
