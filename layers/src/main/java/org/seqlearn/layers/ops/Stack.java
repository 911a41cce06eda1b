package org.seqlearn.layers.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** Stacks equally shaped tensors along a new leading axis: {@code k x [d...] -> [k, d...]}. */
public final class Stack extends Function {

  private int[] shape;

  @Override
  protected Tensor[] forward(Tensor... in) {
    shape = in[0].shape();
    int n = in[0].numel();
    float[] out = new float[n * in.length];
    for (int k = 0; k < in.length; k++) {
      if (!Arrays.equals(in[k].shape(), shape)) {
        throw new IllegalArgumentException("stack: input " + k + " must be "
            + Shape.format(shape) + " like input 0, got " + Shape.format(in[k].shape()));
      }
      System.arraycopy(in[k].data(), 0, out, k * n, n);
    }
    int[] s = new int[shape.length + 1];
    s[0] = in.length;
    System.arraycopy(shape, 0, s, 1, shape.length);
    return out(Tensor.wrap(out, s));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    return Unstack.split(g[0].data(), g[0].dim(0), shape);
  }
}
