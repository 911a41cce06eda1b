package org.seqlearn.core.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Binary elementwise ops with NumPy broadcasting: add, sub, mul, div, pow. Same-shape operands
 * take the contiguous kernel path; anything else runs the general strided loop.
 */
public final class Arithmetic {

  static final int ADD = 0;
  static final int SUB = 1;
  static final int MUL = 2;
  static final int DIV = 3;
  static final int POW = 4;
  private static final String[] NAMES = {"add", "sub", "mul", "div", "pow"};

  private Arithmetic() {}

  /**
   * Elementwise {@code a + b} with NumPy broadcasting: shapes align from the right and size-1
   * dimensions stretch, e.g. {@code [3, 1] + [1, 4] -> [3, 4]}, {@code [2, 3, 4] + [4] -> [2, 3,
   * 4]}. Returns a tensor of the broadcast shape.
   *
   * @throws IllegalArgumentException naming both shapes when they do not broadcast
   */
  public static Tensor add(Tensor a, Tensor b) {
    return new Binary(ADD).apply(a, b);
  }

  /** Elementwise {@code a - b}, broadcast like {@link #add}; the broadcast shape. */
  public static Tensor sub(Tensor a, Tensor b) {
    return new Binary(SUB).apply(a, b);
  }

  /** Elementwise {@code a * b}, broadcast like {@link #add}; the broadcast shape. */
  public static Tensor mul(Tensor a, Tensor b) {
    return new Binary(MUL).apply(a, b);
  }

  /** Elementwise {@code a / b}, broadcast like {@link #add}; the broadcast shape. */
  public static Tensor div(Tensor a, Tensor b) {
    return new Binary(DIV).apply(a, b);
  }

  /**
   * Elementwise {@code a ^ b}, broadcast like {@link #add}; the broadcast shape. The gradient for
   * {@code b} is {@code a^b ln a}, taken as 0 where {@code a == 0}.
   */
  public static Tensor pow(Tensor a, Tensor b) {
    return new Binary(POW).apply(a, b);
  }

  /** The broadcast shape of two operands, with the op name in the error message. */
  static int[] broadcastShape(String op, int[] a, int[] b) {
    try {
      return Shape.broadcast(a, b);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
    }
  }

  /** Computes {@code a op b} broadcast to {@code outShape} (which both must broadcast to). */
  static float[] compute(int op, float[] a, int[] aShape, float[] b, int[] bShape,
      int[] outShape) {
    float[] out = new float[Shape.numel(outShape)];
    if (java.util.Arrays.equals(aShape, bShape)) {
      if (op == ADD) {
        KernelProvider.get().add(a, 0, b, 0, out, 0, out.length);
      } else if (op == MUL) {
        KernelProvider.get().mul(a, 0, b, 0, out, 0, out.length);
      } else {
        row(op, a, 0, 1, b, 0, 1, out, 0, out.length);
      }
      return out;
    }
    Strided.Plan plan = new Strided.Plan(outShape, Shape.strides(outShape),
        Strided.broadcastStrides(aShape, outShape), Strided.broadcastStrides(bShape, outShape));
    int as = plan.inner(1);
    int bs = plan.inner(2);
    Strided.forEachRow(plan, (off, n) -> row(op, a, off[1], as, b, off[2], bs, out, off[0], n));
    return out;
  }

  private static void row(int op, float[] a, int ao, int as, float[] b, int bo, int bs,
      float[] out, int oo, int n) {
    if (as == 1 && bs == 1 && (op == ADD || op == MUL)) {
      if (op == ADD) {
        KernelProvider.get().add(a, ao, b, bo, out, oo, n);
      } else {
        KernelProvider.get().mul(a, ao, b, bo, out, oo, n);
      }
      return;
    }
    switch (op) {
      case ADD:
        for (int i = 0; i < n; i++) {
          out[oo + i] = a[ao + i * as] + b[bo + i * bs];
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          out[oo + i] = a[ao + i * as] - b[bo + i * bs];
        }
        break;
      case MUL:
        for (int i = 0; i < n; i++) {
          out[oo + i] = a[ao + i * as] * b[bo + i * bs];
        }
        break;
      case DIV:
        for (int i = 0; i < n; i++) {
          out[oo + i] = a[ao + i * as] / b[bo + i * bs];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[oo + i] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
        }
    }
  }

  /** One broadcasting binary op; backward reduces each gradient back to its input's shape. */
  static final class Binary extends Function {
    private final int op;
    private Tensor a;
    private Tensor b;
    private float[] out;
    private int[] outShape;

    Binary(int op) {
      this.op = op;
    }

    @Override
    public String name() {
      return NAMES[op];
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      a = in[0];
      b = in[1];
      outShape = broadcastShape(name(), a.shape(), b.shape());
      out = compute(op, a.data(), a.shape(), b.data(), b.shape(), outShape);
      return out(Tensor.wrap(out, outShape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      float[] ga = null;
      float[] gb = null;
      switch (op) {
        case ADD:
          ga = needsInputGrad(0) ? g : null;
          gb = needsInputGrad(1) ? g : null;
          break;
        case SUB:
          ga = needsInputGrad(0) ? g : null;
          gb = needsInputGrad(1) ? Pointwise.negate(g) : null;
          break;
        case MUL:
          ga = needsInputGrad(0) ? compute(MUL, g, outShape, b.data(), b.shape(), outShape) : null;
          gb = needsInputGrad(1) ? compute(MUL, g, outShape, a.data(), a.shape(), outShape) : null;
          break;
        case DIV: {
          float[] gOverB = compute(DIV, g, outShape, b.data(), b.shape(), outShape);
          ga = needsInputGrad(0) ? gOverB : null;
          if (needsInputGrad(1)) {
            // d(a/b)/db = -(a/b)/b, so gb = -(g/b) * out.
            gb = new float[out.length];
            for (int i = 0; i < gb.length; i++) {
              gb[i] = -gOverB[i] * out[i];
            }
          }
          break;
        }
        default: {
          float[][] grads = powGrads(g);
          ga = grads[0];
          gb = grads[1];
        }
      }
      return out(reduce(ga, a), reduce(gb, b));
    }

    /** Gradients of {@code a^b} for both inputs at the broadcast shape (null if not needed). */
    private float[][] powGrads(float[] g) {
      float[] av = Strided.expandTo(a.data(), a.shape(), outShape);
      float[] bv = Strided.expandTo(b.data(), b.shape(), outShape);
      float[] ga = null;
      float[] gb = null;
      if (needsInputGrad(0)) {
        ga = new float[out.length];
        for (int i = 0; i < ga.length; i++) {
          ga[i] = bv[i] == 0f ? 0f : (float) (g[i] * bv[i] * Math.pow(av[i], bv[i] - 1.0));
        }
      }
      if (needsInputGrad(1)) {
        gb = new float[out.length];
        for (int i = 0; i < gb.length; i++) {
          // d(a^b)/db = a^b ln a; taken as 0 where a == 0 (the limit for b > 0), like PyTorch.
          gb[i] = av[i] == 0f ? 0f : (float) (g[i] * out[i] * Math.log(av[i]));
        }
      }
      return new float[][] {ga, gb};
    }

    private Tensor reduce(float[] g, Tensor like) {
      if (g == null) {
        return null;
      }
      // Gradient arrays may be shared between tensors: no op ever writes into one it received.
      return Tensor.wrap(Strided.reduceTo(g, outShape, like.shape()), like.shape());
    }
  }
}
