package org.seqlearn.core.ops;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Strided loops over several operands that share a logical shape: the engine behind broadcasting,
 * reductions, broadcast-gradient reduction and permutes.
 */
final class Strided {

  private Strided() {}

  /** Receives one innermost row: the start offset of each operand and the row length. */
  interface RowVisitor {
    void row(int[] offsets, int n);
  }

  /**
   * Calls {@code visitor} once per innermost row of {@code shape}. {@code strides[k][d]} is the
   * stride of operand {@code k} along dimension {@code d} (0 for a broadcast dimension); the
   * visitor steps through a row with each operand's stride of the last dimension, which it gets
   * from {@link Plan#inner}. Adjacent dimensions that are contiguous for every operand are merged
   * first, so a plain contiguous case is one long row.
   */
  static void forEachRow(Plan plan, RowVisitor visitor) {
    int[] shape = plan.shape;
    int[][] strides = plan.strides;
    int rank = shape.length;
    int[] off = new int[strides.length];
    if (plan.numel == 0) {
      return;
    }
    if (rank == 0) {
      visitor.row(off, 1);
      return;
    }
    int n = shape[rank - 1];
    int[] idx = new int[rank];
    while (true) {
      visitor.row(off, n);
      int d = rank - 2;
      for (; d >= 0; d--) {
        idx[d]++;
        for (int k = 0; k < off.length; k++) {
          off[k] += strides[k][d];
        }
        if (idx[d] < shape[d]) {
          break;
        }
        for (int k = 0; k < off.length; k++) {
          off[k] -= strides[k][d] * shape[d];
        }
        idx[d] = 0;
      }
      if (d < 0) {
        return;
      }
    }
  }

  /** A shape with per-operand strides, simplified (size-1 dims dropped, contiguous dims merged). */
  static final class Plan {
    final int[] shape;
    final int[][] strides;
    final int numel;

    Plan(int[] shape, int[]... strides) {
      this.numel = Shape.numel(shape);
      int rank = shape.length;
      int[] s = new int[rank];
      int[][] st = new int[strides.length][rank];
      int r = 0;
      for (int d = 0; d < rank; d++) {
        if (shape[d] == 1) {
          continue;
        }
        boolean merge = r > 0;
        for (int k = 0; k < strides.length && merge; k++) {
          merge = st[k][r - 1] == strides[k][d] * shape[d];
        }
        if (merge) {
          s[r - 1] *= shape[d];
          for (int k = 0; k < strides.length; k++) {
            st[k][r - 1] = strides[k][d];
          }
        } else {
          s[r] = shape[d];
          for (int k = 0; k < strides.length; k++) {
            st[k][r] = strides[k][d];
          }
          r++;
        }
      }
      this.shape = Arrays.copyOf(s, r);
      this.strides = new int[strides.length][];
      for (int k = 0; k < strides.length; k++) {
        this.strides[k] = Arrays.copyOf(st[k], r);
      }
    }

    /** Stride of operand {@code k} along the innermost (row) dimension. */
    int inner(int k) {
      return shape.length == 0 ? 1 : strides[k][shape.length - 1];
    }
  }

  /**
   * Strides for reading a contiguous tensor of {@code shape} as if broadcast to {@code target}
   * (right-aligned; 0 along broadcast and size-1 dimensions).
   */
  static int[] broadcastStrides(int[] shape, int[] target) {
    int[] s = Shape.strides(shape);
    int[] out = new int[target.length];
    int lead = target.length - shape.length;
    for (int d = 0; d < shape.length; d++) {
      out[d + lead] = shape[d] == 1 ? 0 : s[d];
    }
    return out;
  }

  /**
   * Sums {@code src} (contiguous, shaped {@code srcShape}) down to {@code target}, which must
   * broadcast to {@code srcShape}: the gradient of a broadcast. Returns {@code src} itself when
   * the shapes are equal.
   */
  static float[] reduceTo(float[] src, int[] srcShape, int[] target) {
    if (Arrays.equals(srcShape, target)) {
      return src;
    }
    float[] out = new float[Shape.numel(target)];
    Plan plan = new Plan(srcShape, Shape.strides(srcShape), broadcastStrides(target, srcShape));
    int srcStep = plan.inner(0);
    int outStep = plan.inner(1);
    forEachRow(plan, (off, n) -> {
      int s = off[0];
      int o = off[1];
      if (outStep == 0 && srcStep == 1) {
        out[o] += KernelProvider.get().sum(src, s, n);
      } else if (outStep == 1 && srcStep == 1) {
        KernelProvider.get().axpy(1f, src, s, out, o, n);
      } else {
        for (int i = 0; i < n; i++) {
          out[o + i * outStep] += src[s + i * srcStep];
        }
      }
    });
    return out;
  }

  /**
   * Copies {@code src} (contiguous, shaped {@code srcShape}) broadcast to {@code target}. Returns
   * {@code src} itself when the shapes are equal.
   */
  static float[] expandTo(float[] src, int[] srcShape, int[] target) {
    if (Arrays.equals(srcShape, target)) {
      return src;
    }
    float[] out = new float[Shape.numel(target)];
    Plan plan = new Plan(target, Shape.strides(target), broadcastStrides(srcShape, target));
    int outStep = plan.inner(0);
    int srcStep = plan.inner(1);
    forEachRow(plan, (off, n) -> {
      int o = off[0];
      int s = off[1];
      if (srcStep == 0) {
        Arrays.fill(out, o, o + n, src[s]);
      } else if (srcStep == 1 && outStep == 1) {
        System.arraycopy(src, s, out, o, n);
      } else {
        for (int i = 0; i < n; i++) {
          out[o + i * outStep] = src[s + i * srcStep];
        }
      }
    });
    return out;
  }
}
