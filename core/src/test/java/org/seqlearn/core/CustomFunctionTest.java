package org.seqlearn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A user-defined function plugs into the engine without any core change. */
class CustomFunctionTest {

  /** y = x^2 elementwise, written only against the public Function API. */
  static final class Square extends Function {
    private Tensor x;

    @Override
    protected Tensor[] forward(Tensor... inputs) {
      x = inputs[0];
      float[] out = x.toArray();
      for (int i = 0; i < out.length; i++) {
        out[i] *= out[i];
      }
      return out(Tensor.wrap(out, x.shape()));
    }

    @Override
    protected Tensor[] backward(Tensor... outputGrads) {
      float[] g = outputGrads[0].toArray();
      for (int i = 0; i < g.length; i++) {
        g[i] *= 2 * x.data()[i];
      }
      return out(Tensor.wrap(g, x.shape()));
    }
  }

  /** Sum of all elements, a second user function, so a chain and a fan-out are exercised. */
  static final class SumAll extends Function {
    private int[] shape;

    @Override
    protected Tensor[] forward(Tensor... inputs) {
      shape = inputs[0].shape();
      float s = 0;
      for (float v : inputs[0].data()) {
        s += v;
      }
      return out(Tensor.scalar(s));
    }

    @Override
    protected Tensor[] backward(Tensor... outputGrads) {
      return out(Tensor.full(outputGrads[0].item(), shape));
    }
  }

  /** Two outputs of one node, the second unused: it must arrive as zeros. */
  static final class SplitPair extends Function {
    @Override
    protected Tensor[] forward(Tensor... inputs) {
      float[] d = inputs[0].data();
      return out(Tensor.of(d[0]), Tensor.of(d[1]));
    }

    @Override
    protected Tensor[] backward(Tensor... g) {
      return out(Tensor.of(g[0].item(), g[1].item()));
    }
  }

  @Test
  void gradientsFlowThroughUserFunctions() {
    Tensor x = Tensor.of(1f, -2f, 3f).requiresGrad(true);
    Tensor y = new Square().apply(x);
    Tensor loss = new SumAll().apply(y);
    assertThat(loss.item()).isEqualTo(14f);
    loss.backward();
    assertThat(x.grad().toArray()).containsExactly(2f, -4f, 6f);
    // A second backward through a fresh graph accumulates.
    new SumAll().apply(new Square().apply(x)).backward();
    assertThat(x.grad().toArray()).containsExactly(4f, -8f, 12f);
  }

  @Test
  void fanOutAccumulatesAndUnusedOutputsGetZeros() {
    Tensor x = Tensor.of(2f, 5f).requiresGrad(true);
    Tensor[] parts = new SplitPair().applyAll(x);
    Tensor a = new Square().apply(parts[0]);
    // x feeds the loss twice: through Square(parts[0]) and directly.
    Tensor both = new SumAll().apply(new Square().apply(x));
    both.backward();
    a.backward();
    assertThat(x.grad().toArray()).containsExactly(4f + 4f, 10f);
  }

  @Test
  void noGradScopeRecordsNothing() {
    Tensor x = Tensor.of(1f, 2f).requiresGrad(true);
    Tensor y;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      y = new Square().apply(x);
    }
    assertThat(y.requiresGrad()).isFalse();
    assertThat(y.gradFn()).isNull();
    assertThat(GradMode.isEnabled()).isTrue();
    assertThatThrownBy(() -> new SumAll().apply(y).backward())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not require grad");
  }

  @Test
  void aFunctionInstanceIsSingleUse() {
    Square sq = new Square();
    sq.apply(Tensor.of(1f));
    assertThatThrownBy(() -> sq.apply(Tensor.of(1f))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void deepChainsDoNotOverflowTheStack() {
    Tensor x = Tensor.of(1f).requiresGrad(true);
    Tensor y = x;
    for (int i = 0; i < 100_000; i++) {
      y = new Identity().apply(y);
    }
    y.backward(Tensor.of(1f));
    assertThat(x.grad().item()).isEqualTo(1f);
  }

  /** Identity, to build long chains. */
  static final class Identity extends Function {
    @Override
    protected Tensor[] forward(Tensor... inputs) {
      return out(Tensor.fromArray(inputs[0].data(), inputs[0].shape()));
    }

    @Override
    protected Tensor[] backward(Tensor... g) {
      return out(g[0]);
    }
  }
}
