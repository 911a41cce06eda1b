package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.Function;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * The blocked, step-parallel sequences against the straightforward reference ones ({@code
 * Reference*Sequence}, one GEMM per step) at sizes with several blocks, a narrow last block,
 * padded batch rows, variable lengths and both directions, on one to three threads and one to
 * three forward row groups: outputs and every gradient agree to float rounding, and for a block
 * width the result does not depend on the thread count or the row groups (bit for bit).
 */
class BlockedRecurrenceTest {

  @AfterEach
  void resetHooks() {
    BlockedRecurrence.threadsOverride = 0;
    BlockedRecurrence.blockOverride = 0;
    BlockedRecurrence.rowGroupsOverride = 0;
  }

  /** cell, batch, time, input, hidden, lengths (null = full), reverse. */
  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (String cell : new String[] {"LSTM", "PEEPHOLE", "GRU", "RNN_TANH", "RNN_RELU"}) {
      for (boolean reverse : new boolean[] {false, true}) {
        out.add(Arguments.of(cell, 7, 5, 13, 37, null, reverse));
        out.add(Arguments.of(cell, 13, 4, 20, 70, new int[] {4, 1, 0, 3, 4, 2, 2, 4, 1, 3, 4, 4,
            2}, reverse));
      }
      out.add(Arguments.of(cell, 1, 3, 1, 5, null, false));
    }
    return out.stream();
  }

  private static Supplier<Function> blocked(String cell, int[] lengths, boolean reverse) {
    return switch (cell) {
      case "LSTM" -> () -> new LstmSequence(reverse, lengths);
      case "PEEPHOLE" -> () -> new LstmSequence(reverse, lengths, true);
      case "GRU" -> () -> new GruSequence(reverse, lengths);
      case "RNN_TANH" -> () -> new RnnSequence(RnnActivation.TANH, reverse, lengths);
      case "RNN_RELU" -> () -> new RnnSequence(RnnActivation.RELU, reverse, lengths);
      default -> throw new IllegalArgumentException(cell);
    };
  }

  private static Supplier<Function> reference(String cell, int[] lengths, boolean reverse) {
    return switch (cell) {
      case "LSTM" -> () -> new ReferenceLstmSequence(reverse, lengths);
      case "PEEPHOLE" -> () -> new ReferenceLstmSequence(reverse, lengths, true);
      case "GRU" -> () -> new ReferenceGruSequence(reverse, lengths);
      case "RNN_TANH" -> () -> new ReferenceRnnSequence(RnnActivation.TANH, reverse, lengths);
      case "RNN_RELU" -> () -> new ReferenceRnnSequence(RnnActivation.RELU, reverse, lengths);
      default -> throw new IllegalArgumentException(cell);
    };
  }

  private static Tensor[] inputs(String cell, int b, int t, int in, int hid, long seed) {
    int gates = switch (cell) {
      case "LSTM", "PEEPHOLE" -> 4;
      case "GRU" -> 3;
      default -> 1;
    };
    int states = gates == 4 ? 2 : 1;
    Rng rng = new Rng(seed);
    List<Tensor> list = new ArrayList<>();
    list.add(Tensor.uniform(-1f, 1f, rng, b, t, in));
    for (int k = 0; k < states; k++) {
      list.add(Tensor.uniform(-1f, 1f, rng, b, hid));
    }
    float k = (float) (1.5 / Math.sqrt(hid));
    list.add(Tensor.uniform(-k, k, rng, gates * hid, in));
    list.add(Tensor.uniform(-k, k, rng, gates * hid, hid));
    list.add(Tensor.uniform(-0.5f, 0.5f, rng, gates * hid));
    list.add(Tensor.uniform(-0.5f, 0.5f, rng, gates * hid));
    if (cell.equals("PEEPHOLE")) {
      list.add(Tensor.uniform(-0.5f, 0.5f, rng, 3, hid));
    }
    return list.toArray(new Tensor[0]);
  }

  /** Outputs, then the gradient of every input, for sum(out_i * weight_i). */
  private static List<float[]> run(Supplier<Function> op, Tensor[] base, long seed) {
    Tensor[] in = new Tensor[base.length];
    for (int i = 0; i < base.length; i++) {
      in[i] = base[i].detach().requiresGrad(true);
    }
    Tensor[] out = op.get().applyAll(in);
    Rng rng = new Rng(seed);
    Tensor loss = null;
    List<float[]> result = new ArrayList<>();
    for (Tensor o : out) {
      result.add(o.toArray());
      Tensor term = o.mul(Tensor.uniform(-1f, 1f, rng, o.shape())).sum();
      loss = loss == null ? term : loss.add(term);
    }
    loss.backward();
    for (Tensor t : in) {
      result.add(t.grad().toArray());
    }
    return result;
  }

  private static void assertClose(List<float[]> actual, List<float[]> expected, String what) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      float[] e = expected.get(i);
      float[] a = actual.get(i);
      assertThat(a).as(what + " tensor " + i).hasSameSizeAs(e);
      double scale = 1e-3;
      for (float v : e) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int j = 0; j < e.length; j++) {
        double err = Math.abs(a[j] - e[j]);
        if (err > 2e-5 * scale) {
          throw new AssertionError(what + ": tensor " + i + " element " + j + ": expected "
              + e[j] + ", got " + a[j] + " (scale " + scale + ")");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}x{2}x{3}x{4} lengths={5} reverse={6}")
  @MethodSource("cases")
  void matchesReferenceOnAnyThreadCountRowGroupsAndBlockWidth(String cell, int b, int t, int in,
      int hid, int[] lengths, boolean reverse) {
    Tensor[] base = inputs(cell, b, t, in, hid, 11);
    List<float[]> expected = run(reference(cell, lengths, reverse), base, 12);
    for (int block : new int[] {16, 32}) {
      List<float[]> first = null;
      for (int groups : new int[] {1, 2, 3}) {
        for (int threads : new int[] {1, 2, 3}) {
          BlockedRecurrence.threadsOverride = threads;
          BlockedRecurrence.blockOverride = block;
          BlockedRecurrence.rowGroupsOverride = groups;
          List<float[]> actual = run(blocked(cell, lengths, reverse), base, 12);
          String what = cell + " threads=" + threads + " block=" + block + " rowGroups="
              + groups;
          assertClose(actual, expected, what);
          if (first == null) {
            first = actual;
          } else {
            // The block width fixes the summation order; neither the thread count nor the
            // forward's row groups may matter.
            for (int i = 0; i < first.size(); i++) {
              assertThat(actual.get(i)).as(what + " equals threads=1 rowGroups=1, tensor " + i)
                  .containsExactly(first.get(i));
            }
          }
        }
      }
    }
  }

  @Test
  void inferenceEqualsTrainingForward() {
    for (String cell : new String[] {"LSTM", "GRU", "RNN_TANH"}) {
      Tensor[] base = inputs(cell, 9, 6, 11, 40, 5);
      List<float[]> train = run(blocked(cell, null, false), base, 6);
      Tensor[] out;
      try (GradMode.Scope ignored = GradMode.noGrad()) {
        out = blocked(cell, null, false).get().applyAll(base);
      }
      for (int i = 0; i < out.length; i++) {
        assertThat(out[i].toArray()).as(cell + " output " + i).containsExactly(train.get(i));
      }
    }
  }

  /**
   * Scratch and saved arrays are reused between calls (Workspace): interleaved forwards and
   * backwards of two graphs give what separate runs give, and a second backward through a graph
   * whose saved activations were handed back is refused with a clear message (as in PyTorch
   * without {@code retain_graph}), not computed from reused memory.
   */
  @Test
  void interleavedGraphsDoNotShareScratchAndRepeatedBackwardIsRefused() {
    int[] lengths = {5, 2, 4, 5, 1, 3, 5};
    Tensor[] a = inputs("GRU", 7, 5, 13, 37, 21);
    Tensor[] b = inputs("GRU", 7, 5, 13, 37, 22);
    List<float[]> expectA = run(blocked("GRU", lengths, false), a, 3);
    List<float[]> expectB = run(blocked("GRU", null, true), b, 4);
    Tensor[] inA = new Tensor[a.length];
    Tensor[] inB = new Tensor[b.length];
    for (int i = 0; i < a.length; i++) {
      inA[i] = a[i].detach().requiresGrad(true);
      inB[i] = b[i].detach().requiresGrad(true);
    }
    Tensor[] outA = new GruSequence(false, lengths).applyAll(inA);
    Tensor[] outB = new GruSequence(true, null).applyAll(inB);
    Tensor lossA = weighted(outA, 3);
    Tensor lossB = weighted(outB, 4);
    lossB.backward();
    // A third graph's forward and backward in between take the arrays B handed back.
    Tensor[] c = inputs("GRU", 7, 5, 13, 37, 23);
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i].detach().requiresGrad(true);
    }
    weighted(new GruSequence(false, null).applyAll(c), 5).backward();
    lossA.backward();
    for (int i = 0; i < a.length; i++) {
      assertThat(inA[i].grad().toArray()).as("A input %d", i)
          .containsExactly(expectA.get(outA.length + i));
      assertThat(inB[i].grad().toArray()).as("B input %d", i)
          .containsExactly(expectB.get(outB.length + i));
    }
    assertThatThrownBy(lossA::backward)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GruSequence")
        .hasMessageContaining("second time");
  }

  private static Tensor weighted(Tensor[] out, long seed) {
    Rng rng = new Rng(seed);
    Tensor loss = null;
    for (Tensor o : out) {
      Tensor term = o.mul(Tensor.uniform(-1f, 1f, rng, o.shape())).sum();
      loss = loss == null ? term : loss.add(term);
    }
    return loss;
  }

  @Test
  void emptySequencesAndZeroLengthsKeepTheInitialState() {
    Tensor[] base = inputs("LSTM", 3, 4, 5, 20, 3);
    Tensor[] out = new LstmSequence(false, new int[] {0, 0, 0}).applyAll(base);
    assertThat(out[0].toArray()).containsOnly(0f);
    assertThat(out[1].toArray()).containsExactly(base[1].toArray());
    assertThat(out[2].toArray()).containsExactly(base[2].toArray());
    Tensor[] none = inputs("GRU", 2, 0, 3, 20, 4);
    Tensor[] outNone = new GruSequence().applyAll(none);
    assertThat(outNone[0].shape()).containsExactly(2, 0, 20);
    assertThat(outNone[1].toArray()).containsExactly(none[1].toArray());
  }
}
