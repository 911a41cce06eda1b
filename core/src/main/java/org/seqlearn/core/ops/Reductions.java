package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;

/** Sum, mean and max over a set of axes, with or without keeping the reduced dimensions. */
public final class Reductions {

  private Reductions() {}

  /**
   * Sum over the distinct {@code axes} (all axes when none are given): {@code [a, n, b]} over
   * axis 1 gives {@code [a, b]}, or {@code [a, 1, b]} with {@code keepdim}.
   *
   * @throws IllegalArgumentException for an axis out of range or given twice
   */
  public static Tensor sum(Tensor x, boolean keepdim, int... axes) {
    return new Sum("sum", false, keepdim, axes).apply(x);
  }

  /** Mean over {@code axes}, shaped like {@link #sum}; NaN over an empty range. */
  public static Tensor mean(Tensor x, boolean keepdim, int... axes) {
    return new Sum("mean", true, keepdim, axes).apply(x);
  }

  /**
   * Max over {@code axes}, shaped like {@link #sum}. The gradient goes to the first maximum in
   * row-major order; a NaN counts as the maximum.
   *
   * @throws IllegalArgumentException also when a reduced axis has size 0
   */
  public static Tensor max(Tensor x, boolean keepdim, int... axes) {
    return new Max(keepdim, axes).apply(x);
  }

  /**
   * Index of the largest element along {@code axis} (the first on ties; a NaN counts as the
   * largest): {@code [a, n, b] -> [a, b]} indices in {@code [0, n)}. Not differentiable.
   *
   * @throws IllegalArgumentException for a bad axis or an axis of size 0
   */
  public static IntTensor argmax(Tensor x, int axis) {
    int[] shape = x.shape();
    int a = Reshaping.axisOf("argmax", axis, shape);
    int n = shape[a];
    if (n == 0) {
      throw new IllegalArgumentException("argmax: axis " + axis + " of " + Shape.format(shape)
          + " has size 0");
    }
    int outer = Joining.outer(shape, a);
    int inner = Joining.inner(shape, a);
    float[] d = x.data();
    int[] out = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * n * inner + i;
        int best = 0;
        float bestValue = d[base];
        for (int j = 1; j < n && !Float.isNaN(bestValue); j++) {
          float v = d[base + j * inner];
          if (v > bestValue || Float.isNaN(v)) {
            best = j;
            bestValue = v;
          }
        }
        out[o * inner + i] = best;
      }
    }
    boolean[] reduced = new boolean[shape.length];
    reduced[a] = true;
    return IntTensor.of(out, droppedShape(shape, reduced));
  }

  /** Which axes are reduced: a flag per dimension (all when {@code axes} is empty). */
  static boolean[] reducedAxes(String op, int[] shape, int[] axes) {
    boolean[] reduced = new boolean[shape.length];
    if (axes.length == 0) {
      Arrays.fill(reduced, true);
      return reduced;
    }
    for (int axis : axes) {
      int a;
      try {
        a = Shape.axis(axis, shape.length);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(op + ": " + e.getMessage() + " (shape "
            + Shape.format(shape) + ")", e);
      }
      if (reduced[a]) {
        throw new IllegalArgumentException(op + ": axis " + axis + " appears twice in "
            + Arrays.toString(axes));
      }
      reduced[a] = true;
    }
    return reduced;
  }

  /** The input shape with every reduced dimension set to 1. */
  static int[] keptShape(int[] shape, boolean[] reduced) {
    int[] kept = shape.clone();
    for (int d = 0; d < shape.length; d++) {
      if (reduced[d]) {
        kept[d] = 1;
      }
    }
    return kept;
  }

  /** The input shape without the reduced dimensions. */
  static int[] droppedShape(int[] shape, boolean[] reduced) {
    return Arrays.stream(range(shape.length)).filter(d -> !reduced[d]).map(d -> shape[d])
        .toArray();
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  /** Sum (or mean) over axes. */
  static final class Sum extends Function {
    private final String name;
    private final boolean mean;
    private final boolean keepdim;
    private final int[] axes;
    private int[] inShape;
    private int[] kept;
    private float scale;

    Sum(String name, boolean mean, boolean keepdim, int[] axes) {
      this.name = name;
      this.mean = mean;
      this.keepdim = keepdim;
      this.axes = axes.clone();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      Tensor x = in[0];
      inShape = x.shape();
      boolean[] reduced = reducedAxes(name, inShape, axes);
      kept = keptShape(inShape, reduced);
      int count = x.numel() / Math.max(1, Shape.numel(kept));
      scale = mean ? 1f / count : 1f;
      float[] out;
      if (Shape.numel(kept) == 1) {
        out = new float[] {KernelProvider.get().sum(x.data(), 0, x.numel())};
      } else {
        out = Strided.reduceTo(x.data(), inShape, kept);
        out = out == x.data() ? out.clone() : out;
      }
      if (mean) {
        if (count == 0) {
          Arrays.fill(out, Float.NaN);
        } else {
          KernelProvider.get().scale(scale, out, 0, out.length);
        }
      }
      return out(Tensor.wrap(out, keepdim ? kept : droppedShape(inShape, reduced)));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = Strided.expandTo(gradOut[0].data(), kept, inShape);
      if (mean) {
        g = g == gradOut[0].data() ? g.clone() : g;
        KernelProvider.get().scale(scale, g, 0, g.length);
      }
      return out(Tensor.wrap(g, inShape));
    }
  }

  /** Max over axes; remembers the flat index of the first maximum of each output element. */
  static final class Max extends Function {
    private final boolean keepdim;
    private final int[] axes;
    private int[] inShape;
    private int[] argmax;

    Max(boolean keepdim, int[] axes) {
      this.keepdim = keepdim;
      this.axes = axes.clone();
    }

    @Override
    public String name() {
      return "max";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      Tensor x = in[0];
      inShape = x.shape();
      boolean[] reduced = reducedAxes("max", inShape, axes);
      int[] kept = keptShape(inShape, reduced);
      for (int d = 0; d < inShape.length; d++) {
        if (reduced[d] && inShape[d] == 0) {
          throw new IllegalArgumentException("max: cannot reduce axis " + d + " of size 0 in "
              + Shape.format(inShape));
        }
      }
      if (x.numel() == 0) {
        throw new IllegalArgumentException("max of an empty tensor " + Shape.format(inShape));
      }
      float[] out = new float[Shape.numel(kept)];
      argmax = new int[out.length];
      Arrays.fill(argmax, -1);
      float[] xd = x.data();
      // Row-major order over the input with strict comparisons keeps the first maximum on ties;
      // a NaN wins over any number and the first NaN is kept.
      Strided.Plan plan = new Strided.Plan(inShape, Shape.strides(inShape),
          Strided.broadcastStrides(kept, inShape));
      int xs = plan.inner(0);
      int os = plan.inner(1);
      Strided.forEachRow(plan, (off, n) -> {
        for (int i = 0; i < n; i++) {
          int xi = off[0] + i * xs;
          int o = off[1] + i * os;
          float v = xd[xi];
          float cur = out[o];
          if (argmax[o] < 0 || v > cur || (Float.isNaN(v) && !Float.isNaN(cur))) {
            out[o] = v;
            argmax[o] = xi;
          }
        }
      });
      return out(Tensor.wrap(out, keepdim ? kept : droppedShape(inShape, reduced)));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      float[] dx = new float[Shape.numel(inShape)];
      for (int o = 0; o < g.length; o++) {
        dx[argmax[o]] += g[o];
      }
      return out(Tensor.wrap(dx, inShape));
    }
  }
}
