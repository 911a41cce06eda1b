package org.seqlearn.core.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Integer-indexed reads: {@code indexSelect} (NumPy's {@code take}, of which an embedding lookup
 * is the axis-0 case) and {@code gather}. Both back-propagate by scatter-add, so repeated indices
 * accumulate their gradients.
 */
public final class Indexing {

  private Indexing() {}

  /**
   * Picks slices along {@code axis}: for {@code x} of shape {@code [..., n, ...]} and indices of
   * shape {@code I}, the result has shape {@code [..., I, ...]} (the axis replaced by {@code I}).
   */
  public static Tensor indexSelect(Tensor x, int axis, IntTensor indices) {
    return new IndexSelect(Reshaping.axisOf("indexSelect", axis, x.shape()), indices).apply(x);
  }

  /**
   * {@code out[i][j][k] = x[i][index[i][j][k]][k]} for {@code axis == 1} (and likewise for any
   * axis): {@code index} has the rank of {@code x}, is no larger than {@code x} along the other
   * axes, and gives the result its shape.
   */
  public static Tensor gather(Tensor x, int axis, IntTensor index) {
    return new Gather(Reshaping.axisOf("gather", axis, x.shape()), index).apply(x);
  }

  private static void checkIndex(String op, int value, int size, int position, int[] shape,
      int axis) {
    if (value < 0 || value >= size) {
      throw new IllegalArgumentException(op + ": index " + value + " at position " + position
          + " is out of range [0, " + size + ") for axis " + axis + " of "
          + Shape.format(shape));
    }
  }

  static final class IndexSelect extends Function {
    private final int a;
    private final int[] idx;
    private final int[] idxShape;
    private int[] shape;

    IndexSelect(int axis, IntTensor indices) {
      this.a = axis;
      this.idx = indices.toArray();
      this.idxShape = indices.shape();
    }

    @Override
    public String name() {
      return "indexSelect";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      shape = in[0].shape();
      int n = shape[a];
      for (int i = 0; i < idx.length; i++) {
        checkIndex(name(), idx[i], n, i, shape, a);
      }
      int outer = Joining.outer(shape, a);
      int inner = Joining.inner(shape, a);
      float[] x = in[0].data();
      float[] out = new float[outer * idx.length * inner];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < idx.length; i++) {
          System.arraycopy(x, (o * n + idx[i]) * inner, out, (o * idx.length + i) * inner, inner);
        }
      }
      int[] outShape = new int[shape.length - 1 + idxShape.length];
      System.arraycopy(shape, 0, outShape, 0, a);
      System.arraycopy(idxShape, 0, outShape, a, idxShape.length);
      System.arraycopy(shape, a + 1, outShape, a + idxShape.length, shape.length - a - 1);
      return out(Tensor.wrap(out, outShape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      int n = shape[a];
      int outer = Joining.outer(shape, a);
      int inner = Joining.inner(shape, a);
      float[] dx = new float[Shape.numel(shape)];
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < idx.length; i++) {
          int src = (o * idx.length + i) * inner;
          int dst = (o * n + idx[i]) * inner;
          for (int j = 0; j < inner; j++) {
            dx[dst + j] += g[src + j];
          }
        }
      }
      return out(Tensor.wrap(dx, shape));
    }
  }

  static final class Gather extends Function {
    private final int a;
    private final IntTensor index;
    private int[] shape;
    private int[] sources;

    Gather(int axis, IntTensor index) {
      this.a = axis;
      this.index = index;
    }

    @Override
    public String name() {
      return "gather";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      shape = in[0].shape();
      int[] is = index.shape();
      boolean ok = is.length == shape.length;
      for (int d = 0; ok && d < is.length; d++) {
        ok = d == a || is[d] <= shape[d];
      }
      if (!ok) {
        throw new IllegalArgumentException("gather along axis " + a + ": index of shape "
            + Shape.format(is) + " does not fit input of shape " + Shape.format(shape)
            + " (same rank, no larger off the axis)");
      }
      // The flat source position of every output element.
      int[] xStrides = Shape.strides(shape);
      sources = new int[index.numel()];
      int[] pos = new int[is.length];
      for (int j = 0; j < sources.length; j++) {
        int v = index.at(j);
        checkIndex(name(), v, shape[a], j, shape, a);
        int src = 0;
        for (int d = 0; d < is.length; d++) {
          src += (d == a ? v : pos[d]) * xStrides[d];
        }
        sources[j] = src;
        for (int d = is.length - 1; d >= 0 && ++pos[d] == is[d]; d--) {
          pos[d] = 0;
        }
      }
      float[] x = in[0].data();
      float[] out = new float[sources.length];
      for (int j = 0; j < out.length; j++) {
        out[j] = x[sources[j]];
      }
      return out(Tensor.wrap(out, is));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      float[] dx = new float[Shape.numel(shape)];
      for (int j = 0; j < g.length; j++) {
        dx[sources[j]] += g[j];
      }
      return out(Tensor.wrap(dx, shape));
    }
  }
}
