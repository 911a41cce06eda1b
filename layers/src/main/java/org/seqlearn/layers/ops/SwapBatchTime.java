package org.seqlearn.layers.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Swaps the first two axes of a rank-3 tensor: {@code [time, batch, features] <-> [batch, time,
 * features]}.
 */
public final class SwapBatchTime extends Function {

  static float[] swap(float[] d, int a, int b, int f) {
    float[] out = new float[d.length];
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        System.arraycopy(d, (i * b + j) * f, out, (j * a + i) * f, f);
      }
    }
    return out;
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    if (in[0].rank() != 3) {
      throw new IllegalArgumentException("swapBatchTime needs a rank-3 tensor, got shape "
          + Shape.format(in[0].shape()));
    }
    int a = in[0].dim(0);
    int b = in[0].dim(1);
    int f = in[0].dim(2);
    return out(Tensor.wrap(swap(in[0].data(), a, b, f), b, a, f));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    int b = g[0].dim(0);
    int a = g[0].dim(1);
    int f = g[0].dim(2);
    return out(Tensor.wrap(swap(g[0].data(), b, a, f), a, b, f));
  }
}
