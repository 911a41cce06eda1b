package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** Ops that rearrange elements without computing on them: reshape and permute. */
public final class Reshaping {

  private Reshaping() {}

  /**
   * The same elements in a new shape (one dimension may be {@code -1}, inferred). The result
   * shares storage with {@code x}, like PyTorch's {@code view}.
   */
  public static Tensor reshape(Tensor x, int... shape) {
    return new Reshape(inferShape(x.shape(), shape)).apply(x);
  }

  /** Dimension {@code i} of the result is dimension {@code perm[i]} of {@code x} (a copy). */
  public static Tensor permute(Tensor x, int... perm) {
    return new Permute(perm).apply(x);
  }

  /** Swaps two dimensions. */
  public static Tensor transpose(Tensor x, int axis0, int axis1) {
    int rank = x.rank();
    int a0 = axisOf("transpose", axis0, x.shape());
    int a1 = axisOf("transpose", axis1, x.shape());
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[a0] = a1;
    perm[a1] = a0;
    return permute(x, perm);
  }

  /**
   * {@code x} broadcast to {@code shape} (NumPy's {@code broadcast_to}, a copy): e.g. {@code [3,
   * 1] -> [2, 3, 4]}. The gradient sums over the broadcast dimensions.
   *
   * @throws IllegalArgumentException naming both shapes when {@code x} does not broadcast to it
   */
  public static Tensor expand(Tensor x, int... shape) {
    int[] from = x.shape();
    int[] b = Arithmetic.broadcastShape("expand", from, shape);
    if (!Arrays.equals(b, shape)) {
      throw new IllegalArgumentException("expand: " + Shape.format(from)
          + " cannot be broadcast to " + Shape.format(shape));
    }
    return new Expand(shape.clone()).apply(x);
  }

  /** Inserts a dimension of size 1 at {@code axis}, in {@code [-rank - 1, rank]}; a view. */
  public static Tensor unsqueeze(Tensor x, int axis) {
    int[] shape = x.shape();
    int a = axisOf("unsqueeze", axis, new int[shape.length + 1]);
    int[] s = new int[shape.length + 1];
    for (int d = 0, i = 0; d < s.length; d++) {
      s[d] = d == a ? 1 : shape[i++];
    }
    return reshape(x, s);
  }

  /** Removes dimension {@code axis}, which must have size 1; a view. */
  public static Tensor squeeze(Tensor x, int axis) {
    int[] shape = x.shape();
    int a = axisOf("squeeze", axis, shape);
    if (shape[a] != 1) {
      throw new IllegalArgumentException("squeeze: axis " + axis + " of " + Shape.format(shape)
          + " has size " + shape[a] + ", not 1");
    }
    int[] s = new int[shape.length - 1];
    for (int d = 0, i = 0; d < shape.length; d++) {
      if (d != a) {
        s[i++] = shape[d];
      }
    }
    return reshape(x, s);
  }

  /** Normalises an axis, naming the op and the shape when it is out of range. */
  static int axisOf(String op, int axis, int[] shape) {
    try {
      return Shape.axis(axis, shape.length);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": " + e.getMessage() + " (shape "
          + Shape.format(shape) + ")", e);
    }
  }

  static int[] inferShape(int[] from, int[] to) {
    int n = Shape.numel(from);
    int inferred = -1;
    long known = 1;
    for (int d = 0; d < to.length; d++) {
      if (to[d] == -1 && inferred < 0) {
        inferred = d;
      } else if (to[d] < 0) {
        throw new IllegalArgumentException("reshape: bad target shape " + Shape.format(to)
            + " for " + Shape.format(from) + " (at most one -1, other sizes >= 0)");
      } else {
        known *= to[d];
      }
    }
    int[] out = to.clone();
    if (inferred >= 0) {
      if (known == 0 || n % known != 0) {
        throw new IllegalArgumentException("reshape: cannot infer the -1 in "
            + Shape.format(to) + " for " + Shape.format(from) + " (" + n + " elements)");
      }
      out[inferred] = (int) (n / known);
    } else if (known != n) {
      throw new IllegalArgumentException("reshape: " + Shape.format(from) + " (" + n
          + " elements) cannot be viewed as " + Shape.format(to) + " (" + known + " elements)");
    }
    return out;
  }

  static final class Reshape extends Function {
    private final int[] shape;
    private int[] inShape;

    Reshape(int[] shape) {
      this.shape = shape;
    }

    @Override
    public String name() {
      return "reshape";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      inShape = in[0].shape();
      return out(Tensor.wrap(in[0].data(), shape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      return out(Tensor.wrap(gradOut[0].data(), inShape));
    }
  }

  static final class Permute extends Function {
    private final int[] perm;
    private int[] inverse;

    Permute(int[] perm) {
      this.perm = perm.clone();
    }

    @Override
    public String name() {
      return "permute";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      int[] shape = in[0].shape();
      if (perm.length != shape.length) {
        throw new IllegalArgumentException("permute: " + Arrays.toString(perm) + " has "
            + perm.length + " axes, the tensor of shape " + Shape.format(shape) + " has "
            + shape.length);
      }
      inverse = new int[perm.length];
      boolean[] seen = new boolean[perm.length];
      for (int i = 0; i < perm.length; i++) {
        int p = axisOf("permute", perm[i], shape);
        if (seen[p]) {
          throw new IllegalArgumentException("permute: " + Arrays.toString(perm)
              + " is not a permutation of the axes of " + Shape.format(shape));
        }
        seen[p] = true;
        perm[i] = p;
        inverse[p] = i;
      }
      return out(apply(in[0].data(), shape, perm));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      return out(apply(gradOut[0].data(), gradOut[0].shape(), inverse));
    }

    private static Tensor apply(float[] src, int[] shape, int[] perm) {
      int[] outShape = new int[perm.length];
      int[] srcStrides = Shape.strides(shape);
      int[] readStrides = new int[perm.length];
      for (int i = 0; i < perm.length; i++) {
        outShape[i] = shape[perm[i]];
        readStrides[i] = srcStrides[perm[i]];
      }
      float[] out = new float[src.length];
      Strided.Plan plan = new Strided.Plan(outShape, Shape.strides(outShape), readStrides);
      int os = plan.inner(0);
      int ss = plan.inner(1);
      Strided.forEachRow(plan, (off, n) -> {
        if (os == 1 && ss == 1) {
          System.arraycopy(src, off[1], out, off[0], n);
        } else {
          for (int i = 0; i < n; i++) {
            out[off[0] + i * os] = src[off[1] + i * ss];
          }
        }
      });
      return Tensor.wrap(out, outShape);
    }
  }

  static final class Expand extends Function {
    private final int[] shape;
    private int[] inShape;

    Expand(int[] shape) {
      this.shape = shape;
    }

    @Override
    public String name() {
      return "expand";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      inShape = in[0].shape();
      return out(Tensor.wrap(Strided.expandTo(in[0].data(), inShape, shape), shape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      return out(Tensor.wrap(Strided.reduceTo(gradOut[0].data(), shape, inShape), inShape));
    }
  }
}
