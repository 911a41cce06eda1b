package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;

class TruncatedBpttTest {

  private static void assertClose(Tensor actual, Tensor expected) {
    assertThat(actual.shape()).containsExactly(expected.shape());
    float[] a = actual.data();
    float[] e = expected.data();
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as("element %d", i).isCloseTo(e[i], within(1e-6f));
    }
  }

  @Test
  void chunksWithCarriedStateReproduceTheFullForward() {
    Lstm lstm = new Lstm(3, 4, RecurrentOptions.defaults().numLayers(2).batchFirst(true).seed(5));
    Tensor x = Tensor.uniform(-1f, 1f, 11L, 2, 12, 3);
    RecurrentOutput full = lstm.forward(x);

    TruncatedBptt tbptt = new TruncatedBptt(lstm, 5);
    List<Tensor> outputs = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    tbptt.run(x, (index, out) -> {
      assertThat(index).isEqualTo(outputs.size());
      outputs.add(out.output());
      lengths.add(out.output().dim(1));
    });
    assertThat(lengths).containsExactly(5, 5, 2);
    assertClose(Ops.concat(1, outputs.toArray(new Tensor[0])), full.output());
    assertClose(tbptt.hiddenState(), full.hN());
    assertClose(tbptt.cellState(), full.cN());
  }

  @Test
  void stateCarriesAcrossCallsUntilReset() {
    Gru gru = new Gru(2, 3, RecurrentOptions.defaults().seed(6)); // time-first
    Tensor x = Tensor.uniform(-1f, 1f, 12L, 8, 2, 2);
    RecurrentOutput full = gru.forward(x);
    TruncatedBptt tbptt = new TruncatedBptt(gru, 3);
    tbptt.run(x.slice(0, 0, 4), (i, out) -> { });
    tbptt.run(x.slice(0, 4, 8), (i, out) -> { });
    assertClose(tbptt.hiddenState(), full.hN());
    tbptt.reset();
    assertThat(tbptt.hiddenState()).isNull();
    tbptt.run(x.slice(0, 4, 8), (i, out) -> { });
    assertClose(tbptt.hiddenState(), gru.forward(x.slice(0, 4, 8)).hN());
  }

  @Test
  void gradientsStopAtChunkBoundaries() {
    Lstm lstm = new Lstm(3, 4, RecurrentOptions.defaults().batchFirst(true).seed(7));
    Tensor x = Tensor.uniform(-1f, 1f, 13L, 2, 6, 3).requiresGrad(true);
    TruncatedBptt tbptt = new TruncatedBptt(lstm, 3);
    Tensor[] stateBeforeSecond = new Tensor[2];
    tbptt.run(x, (index, out) -> {
      if (index == 0) {
        stateBeforeSecond[0] = tbptt.hiddenState();
        stateBeforeSecond[1] = tbptt.cellState();
      } else {
        lstm.zeroGrad();
        out.output().sum().backward();
      }
    });
    // The second chunk's loss reaches its own inputs but none of the first chunk's.
    float[] gx = x.grad().data();
    for (int b = 0; b < 2; b++) {
      for (int t = 0; t < 6; t++) {
        float norm = 0;
        for (int i = 0; i < 3; i++) {
          norm += Math.abs(gx[(b * 6 + t) * 3 + i]);
        }
        if (t < 3) {
          assertThat(norm).as("grad at b=%d t=%d", b, t).isZero();
        } else {
          assertThat(norm).as("grad at b=%d t=%d", b, t).isPositive();
        }
      }
    }
    // Its weight gradients are those of the second chunk alone from the carried (constant) state.
    Tensor wGrad = lstm.namedParameters().get("weight_hh_l0").grad().detach();
    lstm.zeroGrad();
    Tensor secondAlone = x.detach().slice(1, 3, 6);
    lstm.forward(secondAlone, null, stateBeforeSecond[0], stateBeforeSecond[1]).output().sum()
        .backward();
    assertClose(wGrad, lstm.namedParameters().get("weight_hh_l0").grad());
  }

  @Test
  void rejectsBidirectionalLayersBadChunksAndBatchChanges() {
    Lstm bi = new Lstm(3, 4, RecurrentOptions.defaults().bidirectional(true));
    assertThatThrownBy(() -> new TruncatedBptt(bi, 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unidirectional");
    Rnn rnn = new Rnn(3, 4, RnnActivation.TANH, RecurrentOptions.defaults().batchFirst(true));
    assertThatThrownBy(() -> new TruncatedBptt(rnn, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    TruncatedBptt tbptt = new TruncatedBptt(rnn, 2);
    tbptt.run(Tensor.zeros(2, 4, 3), (i, out) -> { });
    assertThatThrownBy(() -> tbptt.run(Tensor.zeros(3, 4, 3), (i, out) -> { }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch of 2").hasMessageContaining("x has 3");
  }
}
