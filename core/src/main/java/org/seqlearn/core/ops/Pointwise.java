package org.seqlearn.core.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.Kernels;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Unary elementwise ops (and ops with a scalar operand): each maps {@code x} of any shape to a
 * new tensor {@code y} of the same shape and back-propagates with a closed-form derivative.
 */
public final class Pointwise {

  private Pointwise() {}

  /** {@code -x}. */
  public static Tensor neg(Tensor x) {
    return new Elementwise("neg", Pointwise::negateInto, (in, out, g, dx) -> negateInto(g, dx))
        .apply(x);
  }

  /** {@code x + s}. */
  public static Tensor add(Tensor x, float s) {
    return new Elementwise("addScalar", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = in[i] + s;
      }
    }, (in, out, g, dx) -> System.arraycopy(g, 0, dx, 0, g.length)).apply(x);
  }

  /** {@code x * s}. */
  public static Tensor mul(Tensor x, float s) {
    return new Elementwise("mulScalar", (in, out) -> scaleInto(in, s, out),
        (in, out, g, dx) -> scaleInto(g, s, dx)).apply(x);
  }

  /** {@code x / s}. */
  public static Tensor div(Tensor x, float s) {
    return new Elementwise("divScalar", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = in[i] / s;
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = g[i] / s;
      }
    }).apply(x);
  }

  /** {@code x ^ p}; the derivative {@code p x^(p-1)} is 0 for {@code p == 0}. */
  public static Tensor pow(Tensor x, float p) {
    return new Elementwise("powScalar", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = p == 2f ? in[i] * in[i] : (float) Math.pow(in[i], p);
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = p == 0f ? 0f : p == 2f ? 2f * in[i] * g[i]
            : (float) (g[i] * p * Math.pow(in[i], p - 1.0));
      }
    }).apply(x);
  }

  /** {@code sqrt(x)}. */
  public static Tensor sqrt(Tensor x) {
    return new Elementwise("sqrt", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = (float) Math.sqrt(in[i]);
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = g[i] / (2f * out[i]);
      }
    }).apply(x);
  }

  /** {@code exp(x)}. */
  public static Tensor exp(Tensor x) {
    return new Elementwise("exp", (in, out) -> kernels().exp(in, 0, out, 0, in.length),
        (in, out, g, dx) -> kernels().mul(g, 0, out, 0, dx, 0, g.length)).apply(x);
  }

  /** Natural logarithm. */
  public static Tensor log(Tensor x) {
    return new Elementwise("log", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = (float) Math.log(in[i]);
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = g[i] / in[i];
      }
    }).apply(x);
  }

  /** {@code tanh(x)}; derivative {@code 1 - y^2}. */
  public static Tensor tanh(Tensor x) {
    return new Elementwise("tanh", (in, out) -> kernels().tanh(in, 0, out, 0, in.length),
        (in, out, g, dx) -> {
          for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * (1f - out[i] * out[i]);
          }
        }).apply(x);
  }

  /** {@code 1 / (1 + exp(-x))}; derivative {@code y (1 - y)}. */
  public static Tensor sigmoid(Tensor x) {
    return new Elementwise("sigmoid", (in, out) -> kernels().sigmoid(in, 0, out, 0, in.length),
        (in, out, g, dx) -> {
          for (int i = 0; i < g.length; i++) {
            dx[i] = g[i] * out[i] * (1f - out[i]);
          }
        }).apply(x);
  }

  /** {@code max(x, 0)}; the derivative at 0 is taken as 0. */
  public static Tensor relu(Tensor x) {
    return new Elementwise("relu", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = in[i] > 0f ? in[i] : 0f;
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = in[i] > 0f ? g[i] : 0f;
      }
    }).apply(x);
  }

  /**
   * {@code min(max(x, min), max)}; the gradient passes where {@code min <= x <= max} and is 0
   * outside.
   */
  public static Tensor clamp(Tensor x, float min, float max) {
    if (!(min <= max)) {
      throw new IllegalArgumentException("clamp: min must be <= max, got min=" + min
          + ", max=" + max);
    }
    return new Elementwise("clamp", (in, out) -> {
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.min(Math.max(in[i], min), max);
      }
    }, (in, out, g, dx) -> {
      for (int i = 0; i < g.length; i++) {
        dx[i] = in[i] >= min && in[i] <= max ? g[i] : 0f;
      }
    }).apply(x);
  }

  static float[] negate(float[] x) {
    float[] out = new float[x.length];
    negateInto(x, out);
    return out;
  }

  private static void negateInto(float[] x, float[] out) {
    for (int i = 0; i < x.length; i++) {
      out[i] = -x[i];
    }
  }

  private static void scaleInto(float[] x, float s, float[] out) {
    System.arraycopy(x, 0, out, 0, x.length);
    kernels().scale(s, out, 0, out.length);
  }

  private static Kernels kernels() {
    return KernelProvider.get();
  }

  /** Forward: {@code y = f(x)}, written into {@code out}. */
  interface Forward {
    void compute(float[] x, float[] out);
  }

  /** Backward: {@code dx = g * f'(x)} given {@code x}, {@code y} and the output gradient. */
  interface Derivative {
    void compute(float[] x, float[] y, float[] g, float[] dx);
  }

  /** An elementwise function from a forward and a derivative. */
  static final class Elementwise extends Function {
    private final String name;
    private final Forward forward;
    private final Derivative derivative;
    private Tensor x;
    private float[] y;

    Elementwise(String name, Forward forward, Derivative derivative) {
      this.name = name;
      this.forward = forward;
      this.derivative = derivative;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      x = in[0];
      y = new float[x.numel()];
      forward.compute(x.data(), y);
      return out(Tensor.wrap(y, x.shape()));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] dx = new float[y.length];
      derivative.compute(x.data(), y, gradOut[0].data(), dx);
      return out(Tensor.wrap(dx, x.shape()));
    }
  }
}
