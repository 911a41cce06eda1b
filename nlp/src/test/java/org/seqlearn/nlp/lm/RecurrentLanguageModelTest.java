package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

class RecurrentLanguageModelTest {

  private static RecurrentLanguageModel model(CellType cell, int layers) {
    return new RecurrentLanguageModel(new LanguageModelConfig(9, 5, 7, layers, cell, 3));
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void shapesAndStateDictKeys(CellType cell) {
    RecurrentLanguageModel m = model(cell, 2);
    LanguageModelOutput out = m.forward(IntTensor.of(new int[] {2, 4, 5, 2, 7, 0}, 2, 3),
        new int[] {3, 2}, null);
    assertThat(out.logits().shape()).containsExactly(2, 3, 9);
    assertThat(out.state().h().shape()).containsExactly(2, 2, 7);
    assertThat(out.state().c() == null).isEqualTo(cell != CellType.LSTM);
    assertThat(m.stateDict().keySet()).contains("embedding.weight", "rnn.weight_ih_l0",
        "rnn.weight_hh_l1", "output.weight", "output.bias");
    assertThat(m.stateDict().get("output.weight").shape()).containsExactly(9, 7);
  }

  /**
   * The strongest check of state carrying: feeding a sequence one token at a time, each call
   * starting from the previous call's final states, gives the logits of the whole sequence run
   * at once (teacher forcing), for every cell and two layers.
   */
  @ParameterizedTest
  @EnumSource(CellType.class)
  void stepByStepWithCarriedStateEqualsFullSequence(CellType cell) {
    RecurrentLanguageModel m = model(cell, 2);
    int[] tokens = {2, 3, 8, 8, 4, 1, 6, 5, 3, 2};
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      float[] full = m.forward(IntTensor.of(tokens, 1, tokens.length), null, null).logits()
          .toArray();
      RecurrentState state = null;
      for (int t = 0; t < tokens.length; t++) {
        LanguageModelOutput out = m.step(tokens[t], state);
        state = out.state();
        float[] step = out.logits().toArray();
        for (int k = 0; k < 9; k++) {
          assertThat(step[k]).as("t=%d k=%d", t, k).isCloseTo(full[t * 9 + k], within(1e-5f));
        }
      }
    }
  }

  /** The sampler's own loop: the logits it sampled from equal a teacher-forced re-run. */
  @ParameterizedTest
  @EnumSource(CellType.class)
  void samplingLoopLogitsEqualTeacherForcedRerun(CellType cell) {
    RecurrentLanguageModel m = model(cell, 1);
    List<float[]> seen = new ArrayList<>();
    List<Integer> drawn = new ArrayList<>();
    Sample s = new SequenceSampler(m, 2, 0).sample(new int[] {4, 5},
        SamplingOptions.defaults().withMaxLength(12), new Rng(5), (step, logits, token) -> {
          seen.add(logits);
          drawn.add(token);
        });
    assertThat(seen).hasSize(s.tokens().length + (s.endedWithEos() ? 1 : 0));
    int[] input = new int[3 + s.tokens().length];
    input[0] = 2;
    input[1] = 4;
    input[2] = 5;
    System.arraycopy(s.tokens(), 0, input, 3, s.tokens().length);
    float[] full;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      full = m.forward(IntTensor.of(input, 1, input.length), null, null).logits().toArray();
    }
    for (int t = 0; t < seen.size(); t++) {
      for (int k = 0; k < 9; k++) {
        // step t's logits are the prediction after input position 2 + t
        assertThat(seen.get(t)[k]).isCloseTo(full[(2 + t) * 9 + k], within(1e-5f));
      }
      if (t < s.tokens().length) {
        assertThat(drawn.get(t)).isEqualTo(s.tokens()[t]);
      }
    }
  }

  @Test
  void sameSeedSameWeights() {
    assertThat(model(CellType.LSTM, 1).stateDict().get("rnn.weight_hh_l0").toArray())
        .containsExactly(model(CellType.LSTM, 1).stateDict().get("rnn.weight_hh_l0").toArray());
  }

  @Test
  void badIdsAreRejected() {
    assertThatThrownBy(() -> model(CellType.GRU, 1).forward(IntTensor.vector(1, 2), null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[batch, time]");
    assertThatThrownBy(() -> new LanguageModelConfig(1, 4, 4, 1, CellType.RNN, 0))
        .hasMessageContaining("vocabularySize must be >= 2, got 1");
  }

  @Test
  void gradientReachesEveryParameter() {
    RecurrentLanguageModel m = model(CellType.LSTM, 1);
    Tensor logits = m.forward(IntTensor.of(new int[] {2, 3, 4}, 1, 3), null, null).logits();
    logits.logSoftmax(-1).sum().backward();
    for (var p : m.namedParameters().entrySet()) {
      assertThat(p.getValue().grad()).as(p.getKey()).isNotNull();
    }
  }
}
