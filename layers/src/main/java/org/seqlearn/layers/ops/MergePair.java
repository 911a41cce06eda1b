package org.seqlearn.layers.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/** Elementwise merge of two equally shaped tensors: sum, product or average. */
public final class MergePair extends Function {

  /** How the two inputs combine. */
  public enum Op {
    /** {@code a + b}. */
    SUM,
    /** {@code a * b}. */
    MUL,
    /** {@code (a + b) / 2}. */
    AVERAGE
  }

  private final Op op;
  private float[] a;
  private float[] b;

  /** @param op the elementwise combination */
  public MergePair(Op op) {
    this.op = op;
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    if (!Arrays.equals(in[0].shape(), in[1].shape())) {
      throw new IllegalArgumentException("merge " + op + ": shapes must match, got "
          + Shape.format(in[0].shape()) + " and " + Shape.format(in[1].shape()));
    }
    a = in[0].data();
    b = in[1].data();
    float[] out = new float[a.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = switch (op) {
        case SUM -> a[i] + b[i];
        case MUL -> a[i] * b[i];
        case AVERAGE -> 0.5f * (a[i] + b[i]);
      };
    }
    return out(Tensor.wrap(out, in[0].shape()));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    float[] d = g[0].data();
    float[] da = new float[d.length];
    float[] db = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      switch (op) {
        case SUM -> {
          da[i] = d[i];
          db[i] = d[i];
        }
        case MUL -> {
          da[i] = d[i] * b[i];
          db[i] = d[i] * a[i];
        }
        default -> {
          da[i] = 0.5f * d[i];
          db[i] = 0.5f * d[i];
        }
      }
    }
    int[] shape = g[0].shape();
    return out(Tensor.wrap(da, shape), Tensor.wrap(db, shape));
  }
}
