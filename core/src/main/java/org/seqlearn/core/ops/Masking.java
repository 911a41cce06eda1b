package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Ops that choose elements by a mask: {@code maskedFill}, {@code where} and inverted dropout. A
 * mask is a float tensor read as a boolean (non-zero is true); it never receives a gradient.
 */
public final class Masking {

  private Masking() {}

  /** {@code x} with {@code value} where {@code mask} (broadcast to {@code x}'s shape) is set. */
  public static Tensor maskedFill(Tensor x, Tensor mask, float value) {
    return new MaskedFill(mask, value).apply(x);
  }

  /** {@code cond ? a : b} elementwise, all three broadcast together. */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    return new Where(cond).apply(a, b);
  }

  /**
   * Inverted dropout: zeroes each element with probability {@code p} (drawn from {@code rng}) and
   * scales the rest by {@code 1 / (1 - p)}; identity (returns {@code x}) when {@code p == 0} or
   * not training.
   */
  public static Tensor dropout(Tensor x, float p, Rng rng, boolean training) {
    if (!(p >= 0f && p <= 1f)) {
      throw new IllegalArgumentException("dropout: p must be in [0, 1], got " + p);
    }
    if (!training || p == 0f) {
      return x;
    }
    float[] mask = new float[x.numel()];
    float keep = p == 1f ? 0f : 1f / (1f - p);
    for (int i = 0; i < mask.length; i++) {
      mask[i] = rng.nextFloat() < p ? 0f : keep;
    }
    return new Dropout(mask).apply(x);
  }

  /** The mask broadcast to {@code shape} as booleans; the error names both shapes. */
  static boolean[] expandMask(String op, Tensor mask, int[] shape) {
    int[] ms = mask.shape();
    int[] b = Arithmetic.broadcastShape(op, ms, shape);
    if (!Arrays.equals(b, shape)) {
      throw new IllegalArgumentException(op + ": mask of shape " + Shape.format(ms)
          + " does not broadcast to " + Shape.format(shape));
    }
    float[] m = Strided.expandTo(mask.data(), ms, shape);
    boolean[] out = new boolean[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i] != 0f;
    }
    return out;
  }

  static final class MaskedFill extends Function {
    private final Tensor mask;
    private final float value;
    private boolean[] set;

    MaskedFill(Tensor mask, float value) {
      this.mask = mask;
      this.value = value;
    }

    @Override
    public String name() {
      return "maskedFill";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      int[] shape = in[0].shape();
      set = expandMask(name(), mask, shape);
      float[] out = in[0].toArray();
      for (int i = 0; i < out.length; i++) {
        if (set[i]) {
          out[i] = value;
        }
      }
      return out(Tensor.wrap(out, shape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] dx = gradOut[0].toArray();
      for (int i = 0; i < dx.length; i++) {
        if (set[i]) {
          dx[i] = 0f;
        }
      }
      return out(Tensor.wrap(dx, gradOut[0].shape()));
    }
  }

  static final class Where extends Function {
    private final Tensor cond;
    private int[] aShape;
    private int[] bShape;
    private int[] outShape;
    private boolean[] take;

    Where(Tensor cond) {
      this.cond = cond;
    }

    @Override
    public String name() {
      return "where";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      aShape = in[0].shape();
      bShape = in[1].shape();
      outShape = Arithmetic.broadcastShape(name(),
          Arithmetic.broadcastShape(name(), cond.shape(), aShape), bShape);
      take = expandMask(name(), cond, outShape);
      float[] a = Strided.expandTo(in[0].data(), aShape, outShape);
      float[] b = Strided.expandTo(in[1].data(), bShape, outShape);
      float[] out = new float[take.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = take[i] ? a[i] : b[i];
      }
      return out(Tensor.wrap(out, outShape));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      Tensor ga = null;
      Tensor gb = null;
      if (needsInputGrad(0)) {
        float[] d = new float[g.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = take[i] ? g[i] : 0f;
        }
        ga = Tensor.wrap(Strided.reduceTo(d, outShape, aShape), aShape);
      }
      if (needsInputGrad(1)) {
        float[] d = new float[g.length];
        for (int i = 0; i < d.length; i++) {
          d[i] = take[i] ? 0f : g[i];
        }
        gb = Tensor.wrap(Strided.reduceTo(d, outShape, bShape), bShape);
      }
      return out(ga, gb);
    }
  }

  static final class Dropout extends Function {
    private final float[] mask;

    Dropout(float[] mask) {
      this.mask = mask;
    }

    @Override
    public String name() {
      return "dropout";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      float[] out = new float[mask.length];
      org.seqlearn.core.simd.KernelProvider.get().mul(in[0].data(), 0, mask, 0, out, 0,
          out.length);
      return out(Tensor.wrap(out, in[0].shape()));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] dx = new float[mask.length];
      org.seqlearn.core.simd.KernelProvider.get().mul(gradOut[0].data(), 0, mask, 0, dx, 0,
          dx.length);
      return out(Tensor.wrap(dx, gradOut[0].shape()));
    }
  }
}
