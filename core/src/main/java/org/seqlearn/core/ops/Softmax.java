package org.seqlearn.core.ops;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Numerically stable softmax and log-softmax along one axis. The tensor is viewed as {@code
 * [outer, n, inner]} with {@code n} the size of the axis; the last axis ({@code inner == 1}) is
 * the contiguous fast path.
 */
public final class Softmax extends Function {

  private final int axis;
  private final boolean log;
  private int[] shape;
  private int outer;
  private int n;
  private int inner;
  private float[] y;

  private Softmax(int axis, boolean log) {
    this.axis = axis;
    this.log = log;
  }

  /** {@code exp(x - max) / sum(exp(x - max))} along {@code axis}; same shape as {@code x}. */
  public static Tensor softmax(Tensor x, int axis) {
    return new Softmax(axis, false).apply(x);
  }

  /** {@code x - max - log(sum(exp(x - max)))} along {@code axis}; same shape as {@code x}. */
  public static Tensor logSoftmax(Tensor x, int axis) {
    return new Softmax(axis, true).apply(x);
  }

  @Override
  public String name() {
    return log ? "logSoftmax" : "softmax";
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    Tensor x = in[0];
    shape = x.shape();
    int a;
    try {
      a = Shape.axis(axis, shape.length);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name() + ": " + e.getMessage() + " (shape "
          + Shape.format(shape) + ")", e);
    }
    n = shape[a];
    inner = 1;
    for (int d = a + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    outer = n * inner == 0 ? 0 : x.numel() / (n * inner);
    float[] xd = x.data();
    y = new float[xd.length];
    if (inner == 1 && !log) {
      KernelProvider.get().softmaxRows(xd, 0, y, 0, outer, n);
    } else {
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          forwardLine(xd, y, o * n * inner + i);
        }
      }
    }
    return out(Tensor.wrap(y, shape));
  }

  private void forwardLine(float[] x, float[] out, int base) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      max = Math.max(max, x[base + j * inner]);
    }
    if (max == Float.NEGATIVE_INFINITY) {
      max = 0f; // all -inf: avoid -inf - -inf = NaN; the sum below is then 0
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      float e = (float) Math.exp(x[base + j * inner] - max);
      sum += e;
      if (!log) {
        out[base + j * inner] = e;
      }
    }
    if (log) {
      float logSum = (float) Math.log(sum);
      for (int j = 0; j < n; j++) {
        out[base + j * inner] = (x[base + j * inner] - max) - logSum;
      }
    } else {
      float inv = (float) (1.0 / sum);
      for (int j = 0; j < n; j++) {
        out[base + j * inner] *= inv;
      }
    }
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] dx = new float[g.length];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        double dot = 0;
        for (int j = 0; j < n; j++) {
          int p = base + j * inner;
          dot += log ? g[p] : (double) g[p] * y[p];
        }
        float s = (float) dot;
        for (int j = 0; j < n; j++) {
          int p = base + j * inner;
          // softmax: dx = y (g - sum(g y)); logSoftmax: dx = g - exp(y) sum(g).
          dx[p] = log ? g[p] - (float) Math.exp(y[p]) * s : y[p] * (g[p] - s);
        }
      }
    }
    return out(Tensor.wrap(dx, shape));
  }
}
