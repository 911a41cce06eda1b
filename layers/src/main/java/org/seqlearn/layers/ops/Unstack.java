package org.seqlearn.layers.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/** Splits a tensor along its leading axis: {@code [k, d...] -> k x [d...]} (use applyAll). */
public final class Unstack extends Function {

  private int[] shape;

  @Override
  protected Tensor[] forward(Tensor... in) {
    if (in[0].rank() < 1) {
      throw new IllegalArgumentException("unstack needs a tensor of rank >= 1, got a scalar");
    }
    int[] s = in[0].shape();
    shape = s;
    return split(in[0].data(), s[0], Arrays.copyOfRange(s, 1, s.length));
  }

  static Tensor[] split(float[] data, int k, int[] partShape) {
    Tensor[] parts = new Tensor[k];
    int n = k == 0 ? 0 : data.length / k;
    for (int i = 0; i < k; i++) {
      parts[i] = Tensor.wrap(Arrays.copyOfRange(data, i * n, (i + 1) * n), partShape);
    }
    return parts;
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    float[] out = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    int n = g.length == 0 ? 0 : out.length / g.length;
    for (int i = 0; i < g.length; i++) {
      System.arraycopy(g[i].data(), 0, out, i * n, n);
    }
    return out(Tensor.wrap(out, shape));
  }
}
