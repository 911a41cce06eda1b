package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.decode.BeamSearch;
import org.seqlearn.layers.decode.BeamSearchOptions;
import org.seqlearn.layers.decode.ForcedDecoding;
import org.seqlearn.layers.decode.Hypothesis;
import org.seqlearn.layers.decode.Sampler;

/** The language model as a {@code StepDecoder}: the decode package's searches run on it. */
class LanguageModelDecodingTest {

  private static final int EOS = 2;

  private final RecurrentLanguageModel model = new RecurrentLanguageModel(
      new LanguageModelConfig(12, 6, 10, 2, CellType.LSTM, 17));

  /** A step's log-probabilities are the log-softmax of a teacher-forced run's logits. */
  @Test
  void stepsGiveTheLogSoftmaxOfTeacherForcedLogits() {
    model.eval();
    int[] input = {EOS, 5, 7, 3};
    float[] full;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      full = model.forward(IntTensor.of(input, 1, 4), null, null).logits().logSoftmax(2)
          .toArray();
    }
    // two rows: the sequence and a copy made by select, stepped together
    RecurrentState state = model.initialState(1).select(new int[] {0, 0});
    float[] lp = new float[2 * 12];
    for (int t = 0; t < 4; t++) {
      try (GradMode.Scope ignored = GradMode.noGrad()) {
        state = model.step(state, new int[] {input[t], input[t]}, lp);
      }
      for (int k = 0; k < 12; k++) {
        assertThat(lp[k]).isCloseTo(full[t * 12 + k], within(1e-5f));
        assertThat(lp[12 + k]).isEqualTo(lp[k]);
      }
    }
  }

  @Test
  void beamSearchRunsOnTheModelAndScoresMatchForcedDecoding() {
    model.eval();
    BeamSearchOptions o = BeamSearchOptions.defaults(EOS, EOS).beamWidth(4).nBest(3)
        .maxLength(8);
    List<List<Hypothesis>> out = new BeamSearch(o).search(model, model.initialState(2), null);
    for (List<Hypothesis> nBest : out) {
      assertThat(nBest).hasSize(3);
      for (Hypothesis h : nBest) {
        int[] full = Arrays.copyOf(h.tokens(), h.tokens().length + 1);
        full[h.tokens().length] = EOS;
        assertThat(ForcedDecoding.score(model, model.initialState(1), EOS, full))
            .isCloseTo(h.logProb(), within(1e-5));
      }
    }
    // both rows start from the same state, so they decode alike
    assertThat(out.get(1).get(0).tokens()).containsExactly(out.get(0).get(0).tokens());
  }

  /** Batched greedy decoding of the model equals the sampler's greedy samples. */
  @Test
  void greedyOnTheModelEqualsTheSequenceSampler() {
    model.eval();
    Sample s = new SequenceSampler(model, EOS).sample(SamplingOptions.greedy().withMaxLength(10),
        new Rng(1));
    List<Hypothesis> greedy = new Sampler(
        org.seqlearn.layers.decode.SamplingOptions.defaults(EOS, EOS).maxLength(10))
        .greedy(model, model.initialState(3), null);
    for (Hypothesis h : greedy) {
      assertThat(h.tokens()).containsExactly(s.tokens());
      assertThat(h.ended()).isEqualTo(s.endedWithEos());
    }
  }
}
