package org.seqlearn.attention.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;

/** Gradients, masking and step decoding of the encoder-decoder in both decoder modes. */
class AttentionSeq2SeqTest {

  private static final IntTensor SOURCE = IntTensor.of(new int[] {1, 2, 3, 4, 0, 2, 1, 0, 0, 0},
      2, 5);
  private static final int[] LENGTHS = {5, 2};
  private static final IntTensor PREVIOUS = IntTensor.of(new int[] {0, 2, 1, 0, 3, 3}, 2, 3);

  @Test
  void gradientsOfEveryParameterCourseForm() {
    AttentionSeq2Seq model = TinySeq2Seq.build(DecoderInput.CONTEXT, 3L);
    List<Tensor> params = model.parameters();
    GradCheck.of(in -> both(model.forward(SOURCE, LENGTHS, null, 3)))
        .check(params.toArray(new Tensor[0]));
  }

  @Test
  void gradientsOfEveryParameterAutoregressive() {
    AttentionSeq2Seq model = TinySeq2Seq.build(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 4L);
    List<Tensor> params = model.parameters();
    GradCheck.of(in -> both(model.forward(SOURCE, LENGTHS, PREVIOUS, 3)))
        .check(params.toArray(new Tensor[0]));
  }

  private static Tensor both(DecoderOutput out) {
    return Ops.concat(0, out.logits().reshape(-1), out.weights().reshape(-1));
  }

  @Test
  void paddedSourceTokensChangeNothing() {
    AttentionSeq2Seq model = TinySeq2Seq.build(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 5L);
    IntTensor other = IntTensor.of(new int[] {1, 2, 3, 4, 0, 2, 1, 4, 3, 2}, 2, 5);
    DecoderOutput a = model.forward(SOURCE, LENGTHS, PREVIOUS, 3);
    DecoderOutput b = model.forward(other, LENGTHS, PREVIOUS, 3);
    assertThat(b.logits().toArray()).containsExactly(a.logits().toArray());
    assertThat(b.weights().get(1, 2, 3)).isEqualTo(0f);
    DecoderOutput unmasked = model.forward(other, null, PREVIOUS, 3);
    assertThat(unmasked.weights().get(1, 2, 3)).isGreaterThan(0f);
  }

  @Test
  void stepDecoderEqualsTheTeacherForcedForward() {
    for (DecoderInput mode : DecoderInput.values()) {
      AttentionSeq2Seq model = TinySeq2Seq.build(mode, 6L);
      boolean ar = mode == DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT;
      DecoderOutput forced = model.forward(SOURCE, LENGTHS, ar ? PREVIOUS : null, 3);
      Tensor expected = forced.logits().logSoftmax(-1);
      AttentionStepDecoder steps = new AttentionStepDecoder(model.decoder());
      // rows in another order, one duplicated, as a beam search would hold them
      int[] rows = {1, 0, 1};
      AttentionDecoderState state = model.decoder().start(model.encode(SOURCE, LENGTHS))
          .select(rows);
      float[] logProbs = new float[rows.length * TinySeq2Seq.TARGET_VOCAB];
      int[] prev = PREVIOUS.toArray();
      for (int t = 0; t < 3; t++) {
        int[] last = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
          last[r] = prev[rows[r] * 3 + t];
        }
        state = steps.step(state, last, logProbs);
        for (int r = 0; r < rows.length; r++) {
          for (int v = 0; v < TinySeq2Seq.TARGET_VOCAB; v++) {
            assertThat(logProbs[r * TinySeq2Seq.TARGET_VOCAB + v]).as(mode + " step " + t)
                .isCloseTo(expected.get(rows[r], t, v), within(1e-5f));
          }
          assertThat(steps.lastAttention()[r * 5 + 1])
              .isCloseTo(forced.weights().get(rows[r], t, 1), within(1e-6f));
        }
      }
      assertThat(state.hidden().requiresGrad()).isFalse();
    }
  }

  @Test
  void badInputsAreNamed() {
    AttentionSeq2Seq model = TinySeq2Seq.build(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 7L);
    assertThatThrownBy(() -> model.forward(SOURCE, LENGTHS, null, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previous tokens");
    assertThatThrownBy(() -> model.forward(IntTensor.of(new int[] {5}, 1, 1), null, null, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 5)");
  }
}
