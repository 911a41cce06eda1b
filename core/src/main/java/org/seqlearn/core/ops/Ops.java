package org.seqlearn.core.ops;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/**
 * Static entry points for ops over several tensors (and a few that read better as functions).
 * Single-tensor ops are instance methods of {@link Tensor}.
 */
public final class Ops {

  private Ops() {}

  /**
   * Joins tensors along {@code axis}: {@code [a, n1, b]}, {@code [a, n2, b]} -> {@code [a, n1 +
   * n2, b]}.
   *
   * @throws IllegalArgumentException if the tensors differ off the axis (the message names both
   *     shapes) or none is given
   */
  public static Tensor concat(int axis, Tensor... tensors) {
    return Joining.concat(axis, tensors);
  }

  /**
   * Joins equally shaped tensors along a new dimension at {@code axis}: {@code k} tensors of
   * {@code [a, b]} stacked at axis 1 give {@code [a, k, b]}.
   */
  public static Tensor stack(int axis, Tensor... tensors) {
    return Joining.stack(axis, tensors);
  }

  /**
   * {@code cond ? a : b} elementwise; the three shapes broadcast together and the result has the
   * broadcast shape. {@code cond} is read as a boolean (non-zero is true) and gets no gradient.
   */
  public static Tensor where(Tensor cond, Tensor a, Tensor b) {
    return Masking.where(cond, a, b);
  }

  /**
   * Embedding lookup: rows of {@code weight} {@code [vocab, dim]} for token ids of any shape
   * {@code [...]}, giving {@code [..., dim]} (e.g. ids {@code [batch, time]} -> {@code [batch,
   * time, dim]}). The gradient of {@code weight} is a scatter-add: repeated ids accumulate.
   */
  public static Tensor embedding(Tensor weight, IntTensor ids) {
    if (weight.rank() != 2) {
      throw new IllegalArgumentException("embedding: weight must be [vocab, dim], got "
          + org.seqlearn.core.Shape.format(weight.shape()));
    }
    return Indexing.indexSelect(weight, 0, ids);
  }

  /**
   * Max over several distinct axes (all when none are given), dropped or (keepdim) kept as size
   * 1; the gradient goes to the first maximum in row-major order.
   */
  public static Tensor max(Tensor x, boolean keepdim, int... axes) {
    return Reductions.max(x, keepdim, axes);
  }
}
