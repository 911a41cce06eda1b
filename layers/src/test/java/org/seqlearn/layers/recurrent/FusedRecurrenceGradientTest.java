package org.seqlearn.layers.recurrent;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.MultiOutputGradCheck;

/** Finite-difference checks of the hand-derived BPTT of every fused kernel. */
class FusedRecurrenceGradientTest {

  private static final int B = 3;
  private static final int T = 4;
  private static final int I = 3;
  private static final int H = 2;
  private static final double EPS = 1e-2;

  private static Tensor[] inputs(int gates, int states, long seed) {
    Rng rng = new Rng(seed);
    Tensor[] in = new Tensor[1 + states + 4];
    in[0] = Tensor.uniform(-1f, 1f, rng, B, T, I).requiresGrad(true);
    for (int k = 0; k < states; k++) {
      in[1 + k] = Tensor.uniform(-1f, 1f, rng, B, H).requiresGrad(true);
    }
    int w = 1 + states;
    in[w] = Tensor.uniform(-0.8f, 0.8f, rng, gates * H, I).requiresGrad(true);
    in[w + 1] = Tensor.uniform(-0.8f, 0.8f, rng, gates * H, H).requiresGrad(true);
    in[w + 2] = Tensor.uniform(-0.5f, 0.5f, rng, gates * H).requiresGrad(true);
    in[w + 3] = Tensor.uniform(-0.5f, 0.5f, rng, gates * H).requiresGrad(true);
    return in;
  }

  @Test
  void lstm() {
    for (boolean reverse : new boolean[] {false, true}) {
      MultiOutputGradCheck.check(in -> new LstmSequence(reverse, null).applyAll(in), EPS,
          inputs(4, 2, 1));
    }
  }

  @Test
  void lstmMaskedLengths() {
    int[] lengths = {4, 1, 2};
    for (boolean reverse : new boolean[] {false, true}) {
      MultiOutputGradCheck.check(in -> new LstmSequence(reverse, lengths).applyAll(in), EPS,
          inputs(4, 2, 2));
    }
  }

  @Test
  void lstmPeephole() {
    for (int[] lengths : new int[][] {null, {1, 4, 3}}) {
      for (boolean reverse : new boolean[] {false, true}) {
        Tensor[] base = inputs(4, 2, 8);
        Tensor[] in = Arrays.copyOf(base, base.length + 1);
        in[base.length] = Tensor.uniform(-0.8f, 0.8f, new Rng(9), 3, H).requiresGrad(true);
        MultiOutputGradCheck.check(t -> new LstmSequence(reverse, lengths, true).applyAll(t),
            EPS, in);
      }
    }
  }

  @Test
  void gru() {
    for (boolean reverse : new boolean[] {false, true}) {
      MultiOutputGradCheck.check(in -> new GruSequence(reverse, null).applyAll(in), EPS,
          inputs(3, 1, 3));
    }
  }

  @Test
  void gruMaskedLengths() {
    int[] lengths = {2, 4, 0};
    for (boolean reverse : new boolean[] {false, true}) {
      MultiOutputGradCheck.check(in -> new GruSequence(reverse, lengths).applyAll(in), EPS,
          inputs(3, 1, 4));
    }
  }

  @Test
  void courseGru() {
    for (int[] lengths : new int[][] {null, {2, 4, 1}}) {
      for (boolean reverse : new boolean[] {false, true}) {
        MultiOutputGradCheck.check(in -> new CourseGruSequence(reverse, lengths).applyAll(in), EPS,
            inputs(3, 1, 7));
      }
    }
  }

  @Test
  void rnnTanhAndRelu() {
    int[] lengths = {3, 4, 1};
    for (RnnActivation act : RnnActivation.values()) {
      // relu has kinks: a smaller step keeps the differences on one side of them.
      double eps = act == RnnActivation.RELU ? 1e-3 : EPS;
      for (boolean reverse : new boolean[] {false, true}) {
        MultiOutputGradCheck.check(in -> new RnnSequence(act, reverse, null).applyAll(in), eps,
            inputs(1, 1, 5));
        MultiOutputGradCheck.check(in -> new RnnSequence(act, reverse, lengths).applyAll(in), eps,
            inputs(1, 1, 6));
      }
    }
  }
}
