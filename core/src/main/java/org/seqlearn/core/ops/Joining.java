package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Concatenation along an axis and its inverses (split, narrow). Every tensor is viewed as {@code
 * [outer, size * inner]} around the axis, so each op is a loop of block copies.
 */
public final class Joining {

  private Joining() {}

  /** Joins tensors along {@code axis}; all other dimensions must match. */
  public static Tensor concat(int axis, Tensor... tensors) {
    if (tensors.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one tensor");
    }
    return new Concat(axis).apply(tensors);
  }

  /** Joins equally shaped tensors along a new dimension inserted at {@code axis}. */
  public static Tensor stack(int axis, Tensor... tensors) {
    if (tensors.length == 0) {
      throw new IllegalArgumentException("stack: needs at least one tensor");
    }
    int[] shape = tensors[0].shape();
    int a = Reshaping.axisOf("stack", axis, new int[shape.length + 1]);
    Tensor[] parts = new Tensor[tensors.length];
    for (int i = 0; i < tensors.length; i++) {
      if (!Arrays.equals(tensors[i].shape(), shape)) {
        throw new IllegalArgumentException("stack: tensor " + i + " has shape "
            + Shape.format(tensors[i].shape()) + ", tensor 0 has " + Shape.format(shape));
      }
      parts[i] = Reshaping.unsqueeze(tensors[i], a);
    }
    return concat(a, parts);
  }

  /** Cuts {@code x} along {@code axis} into pieces of the given sizes (summing to its size). */
  public static Tensor[] split(Tensor x, int axis, int... sizes) {
    int a = Reshaping.axisOf("split", axis, x.shape());
    int total = 0;
    for (int s : sizes) {
      if (s < 0) {
        throw new IllegalArgumentException("split: negative size in " + Arrays.toString(sizes));
      }
      total += s;
    }
    if (total != x.dim(a) || sizes.length == 0) {
      throw new IllegalArgumentException("split: sizes " + Arrays.toString(sizes) + " sum to "
          + total + ", axis " + axis + " of " + Shape.format(x.shape()) + " has " + x.dim(a));
    }
    return new Split(a, sizes).applyAll(x);
  }

  /** Elements {@code start} (inclusive) to {@code end} (exclusive) along {@code axis}. */
  public static Tensor slice(Tensor x, int axis, int start, int end) {
    int a = Reshaping.axisOf("slice", axis, x.shape());
    int size = x.dim(a);
    if (start < 0 || end < start || end > size) {
      throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") is out of "
          + "bounds for axis " + axis + " of size " + size + " in " + Shape.format(x.shape()));
    }
    return new Narrow(a, start, end - start).apply(x);
  }

  /** Product of the dimensions before {@code axis}. */
  static int outer(int[] shape, int axis) {
    int p = 1;
    for (int d = 0; d < axis; d++) {
      p *= shape[d];
    }
    return p;
  }

  /** Product of the dimensions after {@code axis}. */
  static int inner(int[] shape, int axis) {
    int p = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      p *= shape[d];
    }
    return p;
  }

  /** Copies blocks of parts (each {@code [outer, sizes[i] * inner]}) into one whole. */
  static float[] join(float[][] parts, int[] sizes, int outer, int inner) {
    int total = Arrays.stream(sizes).sum();
    float[] out = new float[outer * total * inner];
    for (int o = 0; o < outer; o++) {
      int pos = o * total * inner;
      for (int i = 0; i < parts.length; i++) {
        int len = sizes[i] * inner;
        System.arraycopy(parts[i], o * len, out, pos, len);
        pos += len;
      }
    }
    return out;
  }

  /** Inverse of {@link #join}. */
  static float[][] cut(float[] whole, int[] sizes, int outer, int inner) {
    int total = Arrays.stream(sizes).sum();
    float[][] parts = new float[sizes.length][];
    int start = 0;
    for (int i = 0; i < sizes.length; i++) {
      int len = sizes[i] * inner;
      parts[i] = new float[outer * len];
      for (int o = 0; o < outer; o++) {
        System.arraycopy(whole, o * total * inner + start, parts[i], o * len, len);
      }
      start += len;
    }
    return parts;
  }

  static final class Concat extends Function {
    private final int axis;
    private int a;
    private int[][] shapes;
    private int[] sizes;

    Concat(int axis) {
      this.axis = axis;
    }

    @Override
    public String name() {
      return "concat";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      int[] first = in[0].shape();
      a = Reshaping.axisOf("concat", axis, first);
      shapes = new int[in.length][];
      sizes = new int[in.length];
      float[][] parts = new float[in.length][];
      for (int i = 0; i < in.length; i++) {
        shapes[i] = in[i].shape();
        int[] s = shapes[i];
        boolean ok = s.length == first.length;
        for (int d = 0; ok && d < s.length; d++) {
          ok = d == a || s[d] == first[d];
        }
        if (!ok) {
          throw new IllegalArgumentException("concat along axis " + axis + ": tensor " + i
              + " has shape " + Shape.format(s) + ", tensor 0 has " + Shape.format(first));
        }
        sizes[i] = s[a];
        parts[i] = in[i].data();
      }
      int[] outShape = first.clone();
      outShape[a] = Arrays.stream(sizes).sum();
      float[] out = join(parts, sizes, outer(first, a), inner(first, a));
      return out(Tensor.wrap(out, outShape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      int[] shape = gradOut[0].shape();
      float[][] parts = cut(gradOut[0].data(), sizes, outer(shape, a), inner(shape, a));
      Tensor[] grads = new Tensor[parts.length];
      for (int i = 0; i < parts.length; i++) {
        grads[i] = needsInputGrad(i) ? Tensor.wrap(parts[i], shapes[i]) : null;
      }
      return grads;
    }
  }

  static final class Split extends Function {
    private final int a;
    private final int[] sizes;
    private int[] shape;

    Split(int axis, int[] sizes) {
      this.a = axis;
      this.sizes = sizes.clone();
    }

    @Override
    public String name() {
      return "split";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      shape = in[0].shape();
      float[][] parts = cut(in[0].data(), sizes, outer(shape, a), inner(shape, a));
      Tensor[] outs = new Tensor[parts.length];
      for (int i = 0; i < parts.length; i++) {
        int[] s = shape.clone();
        s[a] = sizes[i];
        outs[i] = Tensor.wrap(parts[i], s);
      }
      return outs;
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[][] parts = new float[gradOut.length][];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = gradOut[i].data();
      }
      return out(Tensor.wrap(join(parts, sizes, outer(shape, a), inner(shape, a)), shape));
    }
  }

  /** One range along an axis; backward writes the gradient into a zero tensor. */
  static final class Narrow extends Function {
    private final int a;
    private final int start;
    private final int length;
    private int[] shape;

    Narrow(int axis, int start, int length) {
      this.a = axis;
      this.start = start;
      this.length = length;
    }

    @Override
    public String name() {
      return "slice";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      shape = in[0].shape();
      int[] outShape = shape.clone();
      outShape[a] = length;
      float[] out = new float[Shape.numel(outShape)];
      copy(in[0].data(), out, true);
      return out(Tensor.wrap(out, outShape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] dx = new float[Shape.numel(shape)];
      copy(dx, gradOut[0].data(), false);
      return out(Tensor.wrap(dx, shape));
    }

    /** Copies between the whole ({@code [outer, size, inner]}) and the range, either way. */
    private void copy(float[] whole, float[] part, boolean toPart) {
      int outer = outer(shape, a);
      int inner = inner(shape, a);
      int len = length * inner;
      for (int o = 0; o < outer; o++) {
        int w = (o * shape[a] + start) * inner;
        if (toPart) {
          System.arraycopy(whole, w, part, o * len, len);
        } else {
          System.arraycopy(part, o * len, whole, w, len);
        }
      }
    }
  }
}
