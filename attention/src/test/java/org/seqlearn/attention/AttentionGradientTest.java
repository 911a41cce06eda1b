package org.seqlearn.attention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;
import org.seqlearn.layers.Module;

/** Finite-difference gradient checks of every attention, masked and unmasked. */
class AttentionGradientTest {

  private static final int[] LENGTHS = {4, 2, 3};

  /** Context and weights in one tensor, so that both are checked. */
  private static Tensor both(AttentionResult r) {
    return Ops.concat(0, r.context().reshape(-1), r.weights().reshape(-1));
  }

  private static Tensor[] withParameters(Module m, Tensor... inputs) {
    List<Tensor> all = new ArrayList<>(Arrays.asList(inputs));
    all.addAll(m.parameters());
    return all.toArray(new Tensor[0]);
  }

  private static Tensor leaf(long seed, int... shape) {
    return Tensor.uniform(-1f, 1f, seed, shape).requiresGrad(true);
  }

  @Test
  void additiveCourseScorer() {
    AdditiveAttention att = new AdditiveAttention(3, 4, 7L);
    // keep the relu of the score away from its kink
    Arrays.fill(att.namedParameters().get("dense1.bias").data(), 1.5f);
    Tensor q = leaf(1, 3, 2, 3);
    Tensor m = leaf(2, 3, 4, 4);
    for (int[] lengths : new int[][] {LENGTHS, null}) {
      GradCheck.check(in -> both(att.forward(in[0], in[1], lengths)), withParameters(att, q, m));
    }
  }

  @Test
  void additiveScorerOnSelectedRowsSharingSources() {
    AdditiveAttention att = new AdditiveAttention(3, 4, 7L);
    Arrays.fill(att.namedParameters().get("dense1.bias").data(), 1.5f);
    int[] rows = {2, 0, 0, 1, 2};
    Tensor q = leaf(11, 5, 1, 3);
    Tensor m = leaf(12, 3, 4, 4);
    // beams index their sentence's source: the gradient of a shared source sums over its rows
    GradCheck.check(in -> both(att.attend(in[0], att.prepare(in[1], LENGTHS).select(rows))),
        withParameters(att, q, m));
    // and the numbers are those of the copied sources
    AttentionMemory selected = att.prepare(m, LENGTHS).select(rows).select(new int[] {4, 1, 3,
        0, 2});
    AttentionMemory copied = new AttentionMemory(selected.values(), selected.keys(),
        selected.lengths());
    Tensor q2 = leaf(13, 5, 1, 3);
    org.assertj.core.api.Assertions.assertThat(both(att.attend(q2, selected)).data())
        .containsExactly(both(att.attend(q2, copied)).data());
  }

  @Test
  void additiveScoresWithoutGraphAreTheRecordedOnesBitForBit() {
    // 150 rows of Tx 7 x 10 units: the no-grad path computes tanh in chunks of 64 rows
    AdditiveAttention att = new AdditiveAttention(3, 5, 4L);
    Tensor q = leaf(14, 150, 1, 3);
    Tensor m = leaf(15, 150, 7, 5);
    int[] lengths = new int[150];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = 1 + i % 7;
    }
    float[] recorded = both(att.forward(q, m, lengths)).data();
    float[] decoding;
    try (org.seqlearn.core.GradMode.Scope ignored = org.seqlearn.core.GradMode.noGrad()) {
      decoding = both(att.forward(q, m, lengths)).data();
    }
    org.assertj.core.api.Assertions.assertThat(decoding).containsExactly(recorded);
  }

  @Test
  void additiveDeeperScorerWithOtherActivations() {
    AdditiveAttention att = new AdditiveAttention(3, 4, new int[] {5, 3, 1},
        new ScoreActivation[] {ScoreActivation.SIGMOID, ScoreActivation.TANH,
            ScoreActivation.LINEAR}, 9L);
    Tensor q = leaf(3, 3, 1, 3);
    Tensor m = leaf(4, 3, 4, 4);
    GradCheck.check(in -> both(att.forward(in[0], in[1], LENGTHS)), withParameters(att, q, m));
  }

  @Test
  void luongDotAndGeneral() {
    Tensor q = leaf(5, 3, 2, 4);
    Tensor m = leaf(6, 3, 4, 4);
    LuongAttention dot = LuongAttention.dot(4);
    GradCheck.check(in -> both(dot.forward(in[0], in[1], LENGTHS)), q, m);
    LuongAttention general = LuongAttention.general(4, 4, 2L);
    GradCheck.check(in -> both(general.forward(in[0], in[1], LENGTHS)),
        withParameters(general, q, m));
  }

  @Test
  void scaledDotProductCausalAndPadded() {
    Tensor q = leaf(7, 3, 4, 2);
    Tensor k = leaf(8, 3, 4, 2);
    Tensor v = leaf(9, 3, 4, 3);
    Tensor mask = ScaledDotProductAttention.combine(AttentionMasks.padding(LENGTHS, 3, 4),
        AttentionMasks.causal(4, 4));
    GradCheck.check(in -> both(ScaledDotProductAttention.compute(in[0], in[1], in[2], mask)),
        q, k, v);
    ScaledDotProductAttention plain = new ScaledDotProductAttention(false);
    GradCheck.check(in -> both(plain.forward(in[0], in[1], null)), leaf(10, 3, 2, 2), k);
  }

  @Test
  void multiHead() {
    MultiHeadAttention att = new MultiHeadAttention(4, 2, 3L);
    Tensor q = leaf(11, 3, 4, 4);
    Tensor k = leaf(12, 3, 4, 4);
    Tensor v = leaf(13, 3, 4, 4);
    GradCheck.check(in -> both(att.forward(in[0], in[1], in[2], LENGTHS, true)),
        withParameters(att, q, k, v));
  }
}
