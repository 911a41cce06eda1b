package org.seqlearn.layers.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Concatenates tensors along their last axis: {@code [..., f1], [..., f2], ... -> [..., f1 + f2 +
 * ...]}; all leading dimensions must agree.
 */
public final class ConcatLast extends Function {

  private int[] widths;
  private int rows;

  @Override
  protected Tensor[] forward(Tensor... in) {
    int[] lead = Arrays.copyOf(in[0].shape(), in[0].rank() - 1);
    widths = new int[in.length];
    int total = 0;
    for (int k = 0; k < in.length; k++) {
      int[] sh = in[k].shape();
      if (sh.length != lead.length + 1 || !Arrays.equals(Arrays.copyOf(sh, lead.length), lead)) {
        throw new IllegalArgumentException("concat: input " + k + " must be "
            + Shape.format(lead) + " + [features], got " + Shape.format(sh));
      }
      widths[k] = sh[lead.length];
      total += widths[k];
    }
    rows = Shape.numel(lead);
    float[] out = new float[rows * total];
    int col = 0;
    for (int k = 0; k < in.length; k++) {
      float[] d = in[k].data();
      for (int r = 0; r < rows; r++) {
        System.arraycopy(d, r * widths[k], out, r * total + col, widths[k]);
      }
      col += widths[k];
    }
    int[] shape = Arrays.copyOf(lead, lead.length + 1);
    shape[lead.length] = total;
    return out(Tensor.wrap(out, shape));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    float[] d = g[0].data();
    int total = Arrays.stream(widths).sum();
    int[] shape = g[0].shape();
    Tensor[] grads = new Tensor[widths.length];
    int col = 0;
    for (int k = 0; k < widths.length; k++) {
      float[] part = new float[rows * widths[k]];
      for (int r = 0; r < rows; r++) {
        System.arraycopy(d, r * total + col, part, r * widths[k], widths[k]);
      }
      shape[shape.length - 1] = widths[k];
      grads[k] = Tensor.wrap(part, shape);
      col += widths[k];
    }
    return grads;
  }
}
