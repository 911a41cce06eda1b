package org.seqlearn.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;

/** Padded source steps get exactly zero weight and change nothing; bad shapes are named. */
class AttentionMaskingTest {

  private static final int[] LENGTHS = {5, 2, 3};

  private static List<Attention> attentions() {
    return List.of(new AdditiveAttention(4, 4, 1L), LuongAttention.dot(4),
        LuongAttention.general(4, 4, 2L), new ScaledDotProductAttention(false),
        new MultiHeadAttention(4, 2, 3L));
  }

  /** The memory with every padded step replaced by large random values. */
  private static Tensor scramblePadding(Tensor memory) {
    Tensor out = Tensor.fromArray(memory.data(), memory.shape());
    Tensor noise = Tensor.uniform(-50f, 50f, 99L, memory.shape());
    int tx = memory.dim(1);
    int f = memory.dim(2);
    for (int b = 0; b < LENGTHS.length; b++) {
      for (int t = LENGTHS[b]; t < tx; t++) {
        for (int j = 0; j < f; j++) {
          int i = (b * tx + t) * f + j;
          out.data()[i] = noise.data()[i];
        }
      }
    }
    return out;
  }

  @Test
  void paddedStepsGetZeroWeightAndChangeNothing() {
    Tensor query = Tensor.uniform(-1f, 1f, 1L, 3, 2, 4);
    Tensor memory = Tensor.uniform(-1f, 1f, 2L, 3, 5, 4);
    Tensor scrambled = scramblePadding(memory);
    for (Attention att : attentions()) {
      AttentionResult r = att.forward(query, memory, LENGTHS);
      AttentionResult s = att.forward(query, scrambled, LENGTHS);
      assertThat(s.context().toArray()).as(att.toString()).containsExactly(r.context().toArray());
      assertThat(s.weights().toArray()).as(att.toString()).containsExactly(r.weights().toArray());
      for (int b = 0; b < 3; b++) {
        for (int t = 0; t < 2; t++) {
          float sum = 0f;
          for (int src = 0; src < 5; src++) {
            float w = r.weights().get(b, t, src);
            if (src >= LENGTHS[b]) {
              assertThat(w).as(att + " weight of padded step").isEqualTo(0f);
            }
            sum += w;
          }
          assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
      AttentionResult unmasked = att.forward(query, scrambled, null);
      assertThat(unmasked.weights().get(1, 0, 4)).as(att + " unmasked").isGreaterThan(0f);
    }
  }

  @Test
  void paddedStepsGetNoGradient() {
    AdditiveAttention att = new AdditiveAttention(4, 4, 1L);
    Tensor memory = Tensor.uniform(-1f, 1f, 2L, 3, 5, 4).requiresGrad(true);
    att.forward(Tensor.uniform(-1f, 1f, 1L, 3, 2, 4), memory, LENGTHS).context().sum()
        .backward();
    assertThat(memory.grad().get(1, 3, 0)).isEqualTo(0f);
    assertThat(memory.grad().get(1, 1, 0)).isNotEqualTo(0f);
  }

  @Test
  void causalMaskHidesLaterSteps() {
    Tensor x = Tensor.uniform(-1f, 1f, 3L, 2, 4, 4);
    AttentionResult r = new ScaledDotProductAttention(true).forward(x, x, null);
    assertThat(r.weights().get(0, 0, 1)).isEqualTo(0f);
    assertThat(r.weights().get(1, 2, 3)).isEqualTo(0f);
    assertThat(r.weights().get(1, 0, 0)).isEqualTo(1f);
    assertThat(r.weights().get(1, 3, 2)).isGreaterThan(0f);
  }

  @Test
  void selectReordersRowsForBeams() {
    AdditiveAttention att = new AdditiveAttention(4, 4, 1L);
    Tensor memory = Tensor.uniform(-1f, 1f, 2L, 3, 5, 4);
    Tensor query = Tensor.uniform(-1f, 1f, 1L, 3, 1, 4);
    AttentionMemory prepared = att.prepare(memory, LENGTHS);
    AttentionMemory beams = prepared.select(new int[] {2, 2, 1});
    assertThat(beams.lengths()).containsExactly(3, 3, 2);
    AttentionResult all = att.attend(query, prepared);
    AttentionResult picked = att.attend(query.indexSelect(0, 2, 2, 1), beams);
    assertThat(picked.context().toArray()).containsExactly(
        all.context().indexSelect(0, 2, 2, 1).toArray());
  }

  @Test
  void badShapesAndLengthsAreNamed() {
    AdditiveAttention att = new AdditiveAttention(4, 6, 1L);
    assertThatThrownBy(() -> att.forward(Tensor.zeros(2, 1, 4), Tensor.zeros(2, 5, 4), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[batch, Tx, 6]").hasMessageContaining("[2, 5, 4]");
    assertThatThrownBy(() -> att.forward(Tensor.zeros(2, 1, 3), Tensor.zeros(2, 5, 6), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, Ty, 4]").hasMessageContaining("[2, 1, 3]");
    assertThatThrownBy(() -> att.forward(Tensor.zeros(2, 1, 4), Tensor.zeros(2, 5, 6),
        new int[] {5, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 5]").hasMessageContaining("got 0");
    assertThatThrownBy(() -> new AdditiveAttention(4, 6, new int[] {10, 2},
        new ScoreActivation[] {ScoreActivation.TANH, ScoreActivation.RELU}, 0L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last layer of 1");
    assertThatThrownBy(() -> new MultiHeadAttention(6, 4, 0L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of heads");
  }
}
