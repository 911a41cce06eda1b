package org.seqlearn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.layers.nn.Conv1d;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.GruCell;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.LstmCell;
import org.seqlearn.layers.recurrent.RecurrentOptions;
import org.seqlearn.layers.recurrent.Rnn;
import org.seqlearn.layers.recurrent.RnnActivation;
import org.seqlearn.layers.recurrent.RnnCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Layers built without a seed draw one from {@link GlobalSeed}, as PyTorch's layers do. */
class DefaultSeedTest {

  private static final List<Supplier<Module>> UNSEEDED = List.of(
      () -> new Linear(4, 4),
      () -> new Embedding(5, 3),
      () -> new Conv1d(2, 3, 2),
      () -> new Lstm(3, 4),
      () -> new Gru(3, 4),
      () -> new Rnn(3, 4, RnnActivation.TANH, RecurrentOptions.defaults()),
      () -> new LstmCell(3, 4),
      () -> new GruCell(3, 4),
      () -> new RnnCell(3, 4));

  @AfterEach
  void reset() {
    GlobalSeed.manualSeed(GlobalSeed.DEFAULT_SEED);
  }

  @Test
  void twoUnseededLayersStartFromDifferentWeights() {
    for (Supplier<Module> layer : UNSEEDED) {
      Module a = layer.get();
      Module b = layer.get();
      assertThat(differs(a.stateDict(), b.stateDict())).as(a.toString()).isTrue();
    }
  }

  @Test
  void theSameGlobalSeedGivesTheSameWeights() {
    GlobalSeed.manualSeed(7);
    List<Module> first = UNSEEDED.stream().map(Supplier::get).toList();
    GlobalSeed.manualSeed(7);
    List<Module> second = UNSEEDED.stream().map(Supplier::get).toList();
    for (int i = 0; i < first.size(); i++) {
      assertThat(differs(first.get(i).stateDict(), second.get(i).stateDict()))
          .as(first.get(i).toString()).isFalse();
    }
  }

  @Test
  void unseededDropoutMasksDifferAndReplayAfterManualSeed() {
    Tensor x = Tensor.ones(64);
    GlobalSeed.manualSeed(3);
    float[] a = new Dropout(0.5f).forward(x).toArray();
    float[] b = new Dropout(0.5f).forward(x).toArray();
    assertThat(a).isNotEqualTo(b);
    GlobalSeed.manualSeed(3);
    assertThat(new Dropout(0.5f).forward(x).toArray()).isEqualTo(a);
  }

  @Test
  void anExplicitSeedIgnoresTheGlobalSeed() {
    GlobalSeed.manualSeed(1);
    Linear a = new Linear(4, 4, true, 5L);
    Lstm la = new Lstm(3, 4, RecurrentOptions.defaults().seed(5));
    GlobalSeed.manualSeed(2);
    Linear b = new Linear(4, 4, true, 5L);
    Lstm lb = new Lstm(3, 4, RecurrentOptions.defaults().seed(5));
    assertThat(differs(a.stateDict(), b.stateDict())).isFalse();
    assertThat(differs(la.stateDict(), lb.stateDict())).isFalse();
    assertThat(la.options().seed()).isEqualTo(5);
  }

  @Test
  void anUnseededRecurrentLayerReportsTheSeedItDrew() {
    Lstm drawn = new Lstm(3, 4);
    assertThat(drawn.options().hasSeed()).isTrue();
    Lstm again = new Lstm(3, 4, RecurrentOptions.defaults().seed(drawn.options().seed()));
    assertThat(differs(drawn.stateDict(), again.stateDict())).isFalse();
  }

  private static boolean differs(Map<String, Tensor> a, Map<String, Tensor> b) {
    assertThat(a.keySet()).isEqualTo(b.keySet());
    for (String k : a.keySet()) {
      if (!java.util.Arrays.equals(a.get(k).toArray(), b.get(k).toArray())) {
        return true;
      }
    }
    return false;
  }
}
