package org.seqlearn.layers.crf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqlearn.layers.loss.FixtureFile.assertClose;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.FixtureFile;
import org.seqlearn.layers.loss.Reduction;

/** Values, gradients and Viterbi paths against {@code tools/gen_crf_fixtures.py} (PyTorch). */
class LinearChainCrfParityTest {

  static List<FixtureFile.Case> cases() {
    return FixtureFile.load("/crf/crf.txt");
  }

  /** A CRF holding the case's parameters. */
  static LinearChainCrf crfOf(FixtureFile.Case c) {
    int k = c.shape("start")[0];
    TransitionConstraints constraints = c.string("constraints").equals("bio")
        ? TransitionConstraints.bio(Arrays.asList(c.string("tag_names").split(","))) : null;
    LinearChainCrf crf = new LinearChainCrf(k, constraints, 1L);
    System.arraycopy(c.floats("transitions"), 0, crf.transitions().data(), 0, k * k);
    System.arraycopy(c.floats("start"), 0, crf.startTransitions().data(), 0, k);
    System.arraycopy(c.floats("end"), 0, crf.endTransitions().data(), 0, k);
    return crf;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void lossAndGradientsMatchPyTorch(FixtureFile.Case c) {
    LinearChainCrf crf = crfOf(c);
    Tensor emissions = c.tensor("emissions").requiresGrad(true);
    Reduction reduction = Reduction.valueOf(c.string("reduction").toUpperCase(Locale.ROOT));
    Tensor loss = crf.negativeLogLikelihood(emissions, c.intTensor("tags"), c.ints("lengths"),
        reduction);
    assertClose(c.name + " loss", loss.data(), c.doubles("loss"), 1e-5, 1e-5);
    if (c.has("gout")) {
      loss.backward(c.tensor("gout"));
    } else {
      loss.backward();
    }
    assertClose(c.name + " d emissions", emissions.grad().data(), c.doubles("grad_emissions"),
        1e-5, 1e-6);
    assertClose(c.name + " d transitions", crf.transitions().grad().data(),
        c.doubles("grad_transitions"), 1e-5, 1e-6);
    assertClose(c.name + " d start", crf.startTransitions().grad().data(),
        c.doubles("grad_start"), 1e-5, 1e-6);
    assertClose(c.name + " d end", crf.endTransitions().grad().data(), c.doubles("grad_end"),
        1e-5, 1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void viterbiMatchesPyTorch(FixtureFile.Case c) {
    int[] lengths = c.ints("lengths");
    int[][] paths = crfOf(c).decode(c.tensor("emissions"), lengths);
    int[] expected = c.ints("viterbi");
    int time = c.shape("viterbi")[1];
    for (int b = 0; b < lengths.length; b++) {
      assertThat(paths[b]).as(c.name + " sample " + b)
          .containsExactly(Arrays.copyOfRange(expected, b * time, b * time + lengths[b]));
    }
  }
}
