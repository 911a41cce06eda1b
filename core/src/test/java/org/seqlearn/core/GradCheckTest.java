package org.seqlearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The checker itself: it accepts a right gradient and reports a wrong one. */
class GradCheckTest {

  /** {@code y = x^3} with a correct or a deliberately wrong ({@code 2x^2}) backward. */
  static final class Cube extends Function {
    private final boolean wrong;
    private Tensor x;

    Cube(boolean wrong) {
      this.wrong = wrong;
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      x = in[0];
      float[] y = x.toArray();
      for (int i = 0; i < y.length; i++) {
        y[i] = y[i] * y[i] * y[i];
      }
      return out(Tensor.wrap(y, x.shape()));
    }

    @Override
    protected Tensor[] backward(Tensor... g) {
      float[] d = g[0].toArray();
      for (int i = 0; i < d.length; i++) {
        float v = x.data()[i];
        d[i] *= (wrong ? 2 : 3) * v * v;
      }
      return out(Tensor.wrap(d, x.shape()));
    }
  }

  @Test
  void acceptsACorrectGradient() {
    Tensor x = Tensor.uniform(-1f, 1f, 3L, 2, 3).requiresGrad(true);
    assertThatCode(() -> GradCheck.check(in -> new Cube(false).apply(in[0]), x))
        .doesNotThrowAnyException();
  }

  @Test
  void reportsAWrongGradientWithTheElement() {
    Tensor x = Tensor.uniform(0.5f, 1f, 3L, 2, 3).requiresGrad(true);
    assertThatThrownBy(() -> GradCheck.check(in -> new Cube(true).apply(in[0]), x))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("6 gradient element(s) differ")
        .hasMessageContaining("input 0 [2, 3] element [0, 0]");
  }

  @Test
  void leavesTheInputDataUnchanged() {
    Tensor x = Tensor.uniform(-1f, 1f, 4L, 5).requiresGrad(true);
    float[] before = x.toArray();
    GradCheck.check(in -> new Cube(false).apply(in[0]), x);
    org.assertj.core.api.Assertions.assertThat(x.toArray()).containsExactly(before);
  }

  @Test
  void isPublicApiInTheMainJarNotOnlyInTheTestJar() {
    String location = GradCheck.class.getProtectionDomain().getCodeSource().getLocation()
        .toString();
    assertThat(location).isEqualTo(
        Tensor.class.getProtectionDomain().getCodeSource().getLocation().toString());
  }

  @Test
  void checksAParameterReachedThroughAClosure() {
    Tensor w = Tensor.normal(0f, 0.5f, 1L, 3, 4).requiresGrad(true);
    Tensor x = Tensor.uniform(-1f, 1f, 2L, 5, 4).requiresGrad(true);
    assertThatCode(() -> GradCheck.check(in -> in[0].matmul(w, false, true).tanh(), x, w))
        .doesNotThrowAnyException();
    assertThat(w.grad().shape()).containsExactly(3, 4);
  }
}
