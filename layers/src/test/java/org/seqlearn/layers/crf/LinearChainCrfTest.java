package org.seqlearn.layers.crf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.Reduction;

class LinearChainCrfTest {

  private static final List<String> BIO = List.of("O", "B-PER", "I-PER", "B-LOC", "I-LOC");

  /** A CRF with random parameters of scale ~1 (the default init is too small to test much). */
  private static LinearChainCrf randomCrf(int k, TransitionConstraints constraints, long seed) {
    LinearChainCrf crf = new LinearChainCrf(k, constraints, seed);
    Tensor[] params = {crf.transitions(), crf.startTransitions(), crf.endTransitions()};
    for (int p = 0; p < params.length; p++) {
      float[] v = Tensor.normal(0f, 1f, seed * 7 + p, params[p].shape()).data();
      System.arraycopy(v, 0, params[p].data(), 0, v.length);
    }
    return crf;
  }

  /** Score of a whole path under the CRF, in double, or -inf if it uses a forbidden step. */
  private static double pathScore(LinearChainCrf crf, float[] e, int k, int[] path) {
    TransitionConstraints c = crf.constraints();
    double s = crf.startTransitions().data()[path[0]] + e[path[0]];
    boolean ok = c == null || c.allowedStart(path[0]) && c.allowedEnd(path[path.length - 1]);
    for (int t = 1; t < path.length; t++) {
      s += crf.transitions().data()[path[t - 1] * k + path[t]] + e[t * k + path[t]];
      ok &= c == null || c.allowed(path[t - 1], path[t]);
    }
    s += crf.endTransitions().data()[path[path.length - 1]];
    return ok ? s : Double.NEGATIVE_INFINITY;
  }

  private static int[] path(int code, int k, int time) {
    int[] p = new int[time];
    for (int t = 0; t < time; t++, code /= k) {
      p[t] = code % k;
    }
    return p;
  }

  private void checkAgainstEnumeration(int k, int time, TransitionConstraints constraints,
      long seed) {
    LinearChainCrf crf = randomCrf(k, constraints, seed);
    Tensor emissions = Tensor.normal(0f, 1.5f, seed, 1, time, k);
    float[] e = emissions.data();
    int paths = (int) Math.pow(k, time);
    double[] scores = new double[paths];
    double max = Double.NEGATIVE_INFINITY;
    int best = 0;
    for (int code = 0; code < paths; code++) {
      scores[code] = pathScore(crf, e, k, path(code, k, time));
      if (scores[code] > max) {
        max = scores[code];
        best = code;
      }
    }
    double sum = 0;
    for (double s : scores) {
      sum += Math.exp(s - max);
    }
    double logZ = max + Math.log(sum);
    int[] gold = path(best, k, time);
    double nll = crf.negativeLogLikelihood(emissions, IntTensor.of(gold, 1, time),
        new int[] {time}, Reduction.SUM).item();
    assertThat(nll).as("nll of the best path, k=%d time=%d", k, time)
        .isCloseTo(logZ - max, within(1e-4));
    assertThat(crf.decode(emissions, new int[] {time})[0]).containsExactly(gold);
  }

  @Test
  void logPartitionAndViterbiEqualBruteForceEnumeration() {
    checkAgainstEnumeration(3, 4, null, 1);
    checkAgainstEnumeration(4, 5, null, 2);
    checkAgainstEnumeration(2, 1, null, 3);
    checkAgainstEnumeration(5, 4, TransitionConstraints.bio(BIO), 4);
    checkAgainstEnumeration(5, 5, TransitionConstraints.bio(BIO), 5);
    List<String> bioes = List.of("O", "B-X", "I-X", "E-X", "S-X");
    checkAgainstEnumeration(5, 4, TransitionConstraints.bioes(bioes), 6);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    for (Reduction reduction : Reduction.values()) {
      LinearChainCrf crf = randomCrf(4, null, 11);
      Tensor emissions = Tensor.normal(0f, 1f, 12L, 3, 5, 4).requiresGrad(true);
      IntTensor gold = IntTensor.of(new int[] {0, 1, 2, 3, 1, 2, 2, 0, 9, 9, 3, 9, 9, 9, 9}, 3,
          5);
      int[] lengths = {5, 3, 1};
      GradCheck.of(in -> crf.negativeLogLikelihood(in[0], gold, lengths, reduction))
          .check(emissions, crf.transitions(), crf.startTransitions(), crf.endTransitions());
    }
  }

  @Test
  void constrainedGradientsMatchFiniteDifferencesAndForbiddenOnesAreZero() {
    LinearChainCrf crf = randomCrf(5, TransitionConstraints.bio(BIO), 13);
    Tensor emissions = Tensor.normal(0f, 1f, 14L, 2, 4, 5).requiresGrad(true);
    IntTensor gold = IntTensor.of(new int[] {1, 2, 0, 3, 3, 4, 4, 0}, 2, 4);
    int[] lengths = {4, 3};
    GradCheck.of(in -> crf.negativeLogLikelihood(in[0], gold, lengths, Reduction.MEAN))
        .check(emissions, crf.transitions(), crf.startTransitions(), crf.endTransitions());
    assertThat(crf.transitions().grad().get(0, 2)).isZero(); // O -> I-PER
    assertThat(crf.transitions().grad().get(3, 2)).isZero(); // B-LOC -> I-PER
    assertThat(crf.startTransitions().grad().get(4)).isZero(); // start -> I-LOC
  }

  @Test
  void paddedStepsChangeNothing() {
    LinearChainCrf crf = randomCrf(4, null, 21);
    Tensor shortOne = Tensor.normal(0f, 1f, 22L, 1, 3, 4);
    Tensor padded = Tensor.normal(0f, 1f, 23L, 1, 6, 4);
    System.arraycopy(shortOne.data(), 0, padded.data(), 0, 12);
    padded.requiresGrad(true);
    float lossShort = crf.negativeLogLikelihood(shortOne, IntTensor.of(new int[] {1, 2, 3}, 1, 3),
        new int[] {3}, Reduction.SUM).item();
    Tensor lossPadded = crf.negativeLogLikelihood(padded,
        IntTensor.of(new int[] {1, 2, 3, 7, -1, 0}, 1, 6), new int[] {3}, Reduction.SUM);
    assertThat(lossPadded.item()).isEqualTo(lossShort);
    lossPadded.backward();
    for (int i = 12; i < 24; i++) {
      assertThat(padded.grad().data()[i]).isZero();
    }
    assertThat(crf.decode(padded, new int[] {3})[0])
        .containsExactly(crf.decode(shortOne, new int[] {3})[0]);
  }

  @Test
  void bioConstraintsFollowTheScheme() {
    TransitionConstraints c = TransitionConstraints.bio(BIO);
    assertThat(c.allowed(1, 2)).isTrue(); // B-PER -> I-PER
    assertThat(c.allowed(2, 2)).isTrue(); // I-PER -> I-PER
    assertThat(c.allowed(0, 2)).isFalse(); // O -> I-PER
    assertThat(c.allowed(3, 2)).isFalse(); // B-LOC -> I-PER
    assertThat(c.allowed(2, 3)).isTrue(); // I-PER -> B-LOC
    assertThat(c.allowedStart(2)).isFalse();
    assertThat(c.allowedEnd(2)).isTrue();
    TransitionConstraints s = TransitionConstraints.bioes(
        List.of("O", "B-X", "I-X", "E-X", "S-X", "S-Y"));
    assertThat(s.allowed(1, 0)).isFalse(); // B-X -> O
    assertThat(s.allowed(1, 3)).isTrue(); // B-X -> E-X
    assertThat(s.allowed(3, 4)).isTrue(); // E-X -> S-X
    assertThat(s.allowed(4, 2)).isFalse(); // S-X -> I-X
    assertThat(s.allowedEnd(1)).isFalse();
    assertThat(s.allowedStart(3)).isFalse();
  }

  @Test
  void rejectsBadInput() {
    LinearChainCrf crf = new LinearChainCrf(3);
    Tensor e = Tensor.zeros(2, 4, 3);
    IntTensor gold = IntTensor.of(new int[8], 2, 4);
    assertThatThrownBy(() -> crf.decode(Tensor.zeros(2, 4, 5), new int[] {4, 4}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B, T, 3]")
        .hasMessageContaining("[2, 4, 5]");
    assertThatThrownBy(() -> crf.decode(e, new int[] {4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 lengths, got 1");
    assertThatThrownBy(() -> crf.decode(e, new int[] {4, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1, 4]");
    assertThatThrownBy(() -> crf.negativeLogLikelihood(e, IntTensor.of(new int[4], 1, 4),
        new int[] {4, 4}, Reduction.SUM)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 4]");
    assertThatThrownBy(() -> crf.negativeLogLikelihood(e,
        IntTensor.of(new int[] {0, 3, 0, 0, 0, 0, 0, 0}, 2, 4), new int[] {4, 4},
        Reduction.SUM)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold tag 3 (sample 0, step 1)");
    LinearChainCrf bio = new LinearChainCrf(5, TransitionConstraints.bio(BIO), 0);
    assertThatThrownBy(() -> bio.negativeLogLikelihood(Tensor.zeros(1, 2, 5),
        IntTensor.of(new int[] {0, 4}, 1, 2), new int[] {2}, Reduction.SUM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forbid");
    assertThatThrownBy(() -> TransitionConstraints.bio(List.of("O", "E-PER")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'E-PER'");
    assertThatThrownBy(() -> new LinearChainCrf(4, TransitionConstraints.bio(BIO), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 tags");
  }
}
