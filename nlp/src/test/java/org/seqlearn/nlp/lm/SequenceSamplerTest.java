package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.random.Rng;

class SequenceSamplerTest {

  private static final int EOS = 2;

  private final RecurrentLanguageModel model = new RecurrentLanguageModel(
      new LanguageModelConfig(12, 6, 10, 1, CellType.LSTM, 17));

  @Test
  void sameSeedSameSamples() {
    SequenceSampler sampler = new SequenceSampler(model, EOS, 0, 1);
    Rng a = new Rng(99);
    Rng b = new Rng(99);
    for (int i = 0; i < 5; i++) {
      assertThat(sampler.sample(SamplingOptions.defaults(), a).tokens())
          .containsExactly(sampler.sample(SamplingOptions.defaults(), b).tokens());
    }
  }

  @Test
  void excludedIdsNeverAppearAndLengthIsCapped() {
    SequenceSampler sampler = new SequenceSampler(model, EOS, 0, 1);
    Rng rng = new Rng(4);
    for (int i = 0; i < 20; i++) {
      Sample s = sampler.sample(SamplingOptions.defaults().withMaxLength(7)
          .withTemperature(3), rng);
      assertThat(s.tokens().length).isLessThanOrEqualTo(7);
      assertThat(s.tokens()).doesNotContain(0, 1, EOS);
      if (s.tokens().length < 7) {
        assertThat(s.endedWithEos()).isTrue();
      }
    }
  }

  /** Greedy decoding picks, at every step, the argmax of the teacher-forced logits. */
  @Test
  void topKOneFollowsTheArgmaxOfEveryStep() {
    Sample s = new SequenceSampler(model, EOS, 0, 1).sample(new int[0],
        SamplingOptions.defaults().withTopK(1).withMaxLength(15), new Rng(1), null);
    int[] input = new int[1 + s.tokens().length];
    input[0] = EOS;
    System.arraycopy(s.tokens(), 0, input, 1, s.tokens().length);
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      float[] z = model.forward(IntTensor.of(input, 1, input.length), null, null).logits()
          .toArray();
      for (int t = 0; t < s.tokens().length; t++) {
        int best = EOS;
        for (int k = 2; k < 12; k++) {
          if (z[t * 12 + k] > z[t * 12 + best]) {
            best = k;
          }
        }
        assertThat(s.tokens()[t]).isEqualTo(best);
      }
    }
    assertThat(new SequenceSampler(model, EOS, 0, 1).sample(SamplingOptions.greedy()
        .withMaxLength(15), new Rng(77)).tokens()).containsExactly(s.tokens());
  }

  @Test
  void eosCannotBeExcluded() {
    assertThatThrownBy(() -> new SequenceSampler(model, EOS, 0, EOS))
        .hasMessageContaining("cannot be excluded");
  }
}
