package org.seqlearn.core;

import org.seqlearn.core.ops.Arithmetic;
import org.seqlearn.core.ops.Indexing;
import org.seqlearn.core.ops.Joining;
import org.seqlearn.core.ops.Masking;
import org.seqlearn.core.ops.MatMul;
import org.seqlearn.core.ops.Pointwise;
import org.seqlearn.core.ops.Reductions;
import org.seqlearn.core.ops.Reshaping;
import org.seqlearn.core.ops.Softmax;
import org.seqlearn.core.random.Rng;

/**
 * The differentiable instance ops of {@link Tensor}, split from it only to keep files small: each
 * is a thin wrapper over an op class in {@code org.seqlearn.core.ops}. Every op returns a new
 * tensor, never modifies its inputs, and records itself for autograd when grad mode is on and an
 * input requires a gradient. Shapes in brackets, e.g. {@code [batch, time, features]}.
 */
abstract sealed class TensorOps permits Tensor {

  TensorOps() {}

  private Tensor self() {
    return (Tensor) this;
  }

  /** {@code this + other} with NumPy broadcasting ({@code [3, 1] + [4] -> [3, 4]}). */
  public Tensor add(Tensor other) {
    return Arithmetic.add(self(), other);
  }

  /** {@code this + s} elementwise; same shape. */
  public Tensor add(float s) {
    return Pointwise.add(self(), s);
  }

  /** {@code this - other} with broadcasting; shape is the broadcast of both shapes. */
  public Tensor sub(Tensor other) {
    return Arithmetic.sub(self(), other);
  }

  /** {@code this - s} elementwise; same shape. */
  public Tensor sub(float s) {
    return Pointwise.add(self(), -s);
  }

  /** {@code this * other} elementwise with broadcasting ({@code [2, 3, 4] * [4]}). */
  public Tensor mul(Tensor other) {
    return Arithmetic.mul(self(), other);
  }

  /** {@code this * s} elementwise; same shape. */
  public Tensor mul(float s) {
    return Pointwise.mul(self(), s);
  }

  /** {@code this / other} elementwise with broadcasting. */
  public Tensor div(Tensor other) {
    return Arithmetic.div(self(), other);
  }

  /** {@code this / s} elementwise; same shape. */
  public Tensor div(float s) {
    return Pointwise.div(self(), s);
  }

  /** {@code -this}; same shape. */
  public Tensor neg() {
    return Pointwise.neg(self());
  }

  /** {@code this ^ p} elementwise; same shape. */
  public Tensor pow(float p) {
    return Pointwise.pow(self(), p);
  }

  /** {@code this ^ other} elementwise with broadcasting (gradient for the exponent needs x > 0). */
  public Tensor pow(Tensor other) {
    return Arithmetic.pow(self(), other);
  }

  /** Square root; same shape. */
  public Tensor sqrt() {
    return Pointwise.sqrt(self());
  }

  /** {@code e^x}; same shape. */
  public Tensor exp() {
    return Pointwise.exp(self());
  }

  /** Natural logarithm; same shape. */
  public Tensor log() {
    return Pointwise.log(self());
  }

  /** Hyperbolic tangent; same shape. */
  public Tensor tanh() {
    return Pointwise.tanh(self());
  }

  /** Logistic sigmoid {@code 1 / (1 + e^-x)}; same shape. */
  public Tensor sigmoid() {
    return Pointwise.sigmoid(self());
  }

  /** {@code max(x, 0)}; same shape (gradient 0 at 0). */
  public Tensor relu() {
    return Pointwise.relu(self());
  }

  /** {@code min(max(x, min), max)}; same shape, gradient 0 outside {@code [min, max]}. */
  public Tensor clamp(float min, float max) {
    return Pointwise.clamp(self(), min, max);
  }

  /** Numerically stable softmax along {@code axis} (negative counts from the end); same shape. */
  public Tensor softmax(int axis) {
    return Softmax.softmax(self(), axis);
  }

  /** Numerically stable log-softmax along {@code axis}; same shape. */
  public Tensor logSoftmax(int axis) {
    return Softmax.logSoftmax(self(), axis);
  }

  /** Sum of all elements, shape {@code []}. */
  public Tensor sum() {
    return Reductions.sum(self(), false);
  }

  /** Sum along {@code axis}: {@code [a, n, b] -> [a, b]}, or {@code [a, 1, b]} with keepdim. */
  public Tensor sum(int axis, boolean keepdim) {
    return Reductions.sum(self(), keepdim, axis);
  }

  /** Sum along several distinct axes (all when empty), dropped or (keepdim) kept as size 1. */
  public Tensor sum(int[] axes, boolean keepdim) {
    return Reductions.sum(self(), keepdim, axes);
  }

  /** Mean of all elements, shape {@code []}. */
  public Tensor mean() {
    return Reductions.mean(self(), false);
  }

  /** Mean along {@code axis}: {@code [a, n, b] -> [a, b]}, or {@code [a, 1, b]} with keepdim. */
  public Tensor mean(int axis, boolean keepdim) {
    return Reductions.mean(self(), keepdim, axis);
  }

  /** Mean along several distinct axes (all when empty), dropped or (keepdim) kept as size 1. */
  public Tensor mean(int[] axes, boolean keepdim) {
    return Reductions.mean(self(), keepdim, axes);
  }

  /** Largest element, shape {@code []}; its gradient goes to the first largest element. */
  public Tensor max() {
    return Reductions.max(self(), false);
  }

  /** Max along {@code axis} ({@code [a, n, b] -> [a, b]}); gradient to the first maximum. */
  public Tensor max(int axis, boolean keepdim) {
    return Reductions.max(self(), keepdim, axis);
  }

  /** Matrix product {@code [..., m, k] x [..., k, n] -> [..., m, n]}, batch dims broadcast. */
  public Tensor matmul(Tensor other) {
    return MatMul.matmul(self(), other, false, false);
  }

  /** {@code op(this) x op(other)}, op transposing the last two dims when its flag is set. */
  public Tensor matmul(Tensor other, boolean transA, boolean transB) {
    return MatMul.matmul(self(), other, transA, transB);
  }

  /** Same elements (shared storage) in a new shape; one dimension may be -1 (inferred). */
  public Tensor reshape(int... newShape) {
    return Reshaping.reshape(self(), newShape);
  }

  /** Swaps two dimensions ({@code [a, b, c].transpose(0, 2) -> [c, b, a]}); a copy. */
  public Tensor transpose(int axis0, int axis1) {
    return Reshaping.transpose(self(), axis0, axis1);
  }

  /** Reorders dimensions: result dimension i is dimension {@code perm[i]}; a copy. */
  public Tensor permute(int... perm) {
    return Reshaping.permute(self(), perm);
  }

  /** Inserts a dimension of size 1 at {@code axis} ({@code [a, b].unsqueeze(1) -> [a, 1, b]}). */
  public Tensor unsqueeze(int axis) {
    return Reshaping.unsqueeze(self(), axis);
  }

  /** Removes dimension {@code axis}, which must have size 1 ({@code [a, 1, b] -> [a, b]}). */
  public Tensor squeeze(int axis) {
    return Reshaping.squeeze(self(), axis);
  }


  /** This tensor broadcast (copied) to {@code shape}, e.g. {@code [3, 1] -> [2, 3, 4]}. */
  public Tensor expand(int... shape) {
    return Reshaping.expand(self(), shape);
  }

  /** Index of the max along {@code axis} ({@code [a, n, b] -> [a, b]}); first on ties. */
  public IntTensor argmax(int axis) {
    return Reductions.argmax(self(), axis);
  }

  /** Pieces of the given sizes along {@code axis} (sizes must add up to its length). */
  public Tensor[] split(int axis, int... sizes) {
    return Joining.split(self(), axis, sizes);
  }

  /** Elements {@code [start, end)} along {@code axis} (PyTorch's narrow); a copy. */
  public Tensor slice(int axis, int start, int end) {
    return Joining.slice(self(), axis, start, end);
  }

  /**
   * Picks {@code indices} along {@code axis}: {@code [a, n, b]} with indices of shape {@code I}
   * gives {@code [a, I, b]}; repeated indices accumulate their gradients.
   */
  public Tensor indexSelect(int axis, IntTensor indices) {
    return Indexing.indexSelect(self(), axis, indices);
  }

  /** {@link #indexSelect(int, IntTensor)} with a 1-D list of indices. */
  public Tensor indexSelect(int axis, int... indices) {
    return Indexing.indexSelect(self(), axis, IntTensor.vector(indices));
  }

  /** PyTorch's gather: {@code out[i][j] = this[i][index[i][j]]} for axis 1; shape of index. */
  public Tensor gather(int axis, IntTensor index) {
    return Indexing.gather(self(), axis, index);
  }

  /** This tensor with {@code value} wherever {@code mask} (broadcast to its shape) is non-zero. */
  public Tensor maskedFill(Tensor mask, float value) {
    return Masking.maskedFill(self(), mask, value);
  }

  /** Inverted dropout with drop probability {@code p}; identity when p is 0 or not training. */
  public Tensor dropout(float p, Rng rng, boolean training) {
    return Masking.dropout(self(), p, rng, training);
  }
}
