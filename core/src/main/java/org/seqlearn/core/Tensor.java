package org.seqlearn.core;

import java.util.Arrays;
import org.seqlearn.core.random.Rng;
import org.seqlearn.core.simd.KernelProvider;

/**
 * A dense float32 tensor: contiguous row-major storage and an explicit shape, with reverse-mode
 * autograd in the style of PyTorch.
 *
 * <p>Operations return new tensors and never modify their inputs. When grad mode is on (see
 * {@link GradMode}) and an input {@link #requiresGrad()}, the result remembers the operation
 * ({@link #gradFn()}), and {@link #backward()} fills {@link #grad()} of every leaf that requires
 * a gradient. A tensor of shape {@code []} is a scalar.
 *
 * <p>The differentiable ops ({@code add}, {@code matmul}, {@code softmax}, ...) are declared in
 * the package-private base class {@code TensorOps} only to keep this file small; they are public
 * methods of {@code Tensor}. Multi-tensor ops ({@code concat}, {@code stack}, {@code where},
 * {@code embedding}) are static methods of {@link org.seqlearn.core.ops.Ops}.
 */
public final class Tensor extends TensorOps {

  private final float[] data;
  private final int[] shape;
  private boolean requiresGrad;
  private Tensor grad;
  private Node gradFn;
  private int outputIndex;

  private Tensor(float[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  // ---------------------------------------------------------------- factories

  /**
   * Wraps an array without copying; the tensor takes ownership of it.
   *
   * @throws IllegalArgumentException if the array length does not match the shape
   */
  public static Tensor wrap(float[] data, int... shape) {
    int n = Shape.numel(shape);
    if (data.length != n) {
      throw new IllegalArgumentException("data of length " + data.length
          + " does not fit shape " + Shape.format(shape) + " (" + n + " elements)");
    }
    return new Tensor(data, shape.clone());
  }

  /** A tensor holding a copy of {@code values}, with the given shape. */
  public static Tensor fromArray(float[] values, int... shape) {
    return wrap(values.clone(), shape);
  }

  /** A 1-D tensor holding a copy of {@code values}. */
  public static Tensor of(float... values) {
    return wrap(values.clone(), values.length);
  }

  /** A 0-D (scalar) tensor. */
  public static Tensor scalar(float value) {
    return new Tensor(new float[] {value}, new int[0]);
  }

  /** All zeros. */
  public static Tensor zeros(int... shape) {
    return new Tensor(new float[Shape.numel(shape)], shape.clone());
  }

  /** All ones. */
  public static Tensor ones(int... shape) {
    return full(1f, shape);
  }

  /** Every element equal to {@code value}. */
  public static Tensor full(float value, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    Arrays.fill(d, value);
    return new Tensor(d, shape.clone());
  }

  /** A zero tensor shaped like {@code other}. */
  public static Tensor zerosLike(Tensor other) {
    return zeros(other.shape);
  }

  /** {@code [0, 1, ..., n-1]} as a 1-D tensor. */
  public static Tensor arange(int n) {
    return arange(0f, n, 1f);
  }

  /**
   * Values {@code start, start+step, ...} below {@code end} (above it for a negative step), as a
   * 1-D tensor, like NumPy's {@code arange}.
   */
  public static Tensor arange(float start, float end, float step) {
    if (step == 0f || !Float.isFinite(step) || !Float.isFinite(start) || !Float.isFinite(end)) {
      throw new IllegalArgumentException(
          "arange needs finite bounds and a non-zero step, got start=" + start + ", end=" + end
              + ", step=" + step);
    }
    double count = Math.ceil((end - (double) start) / step);
    int n = (int) Math.max(0, Math.min(count, Integer.MAX_VALUE - 8));
    float[] d = new float[n];
    for (int i = 0; i < n; i++) {
      d[i] = (float) (start + (double) i * step);
    }
    return new Tensor(d, new int[] {n});
  }

  /** Uniform samples in {@code [low, high)} from a generator seeded with {@code seed}. */
  public static Tensor uniform(float low, float high, long seed, int... shape) {
    return uniform(low, high, new Rng(seed), shape);
  }

  /** Uniform samples in {@code [low, high)} drawn from {@code rng}. */
  public static Tensor uniform(float low, float high, Rng rng, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    float width = high - low;
    for (int i = 0; i < d.length; i++) {
      d[i] = low + width * rng.nextFloat();
    }
    return new Tensor(d, shape.clone());
  }

  /** Normal samples with the given mean and standard deviation, seeded. */
  public static Tensor normal(float mean, float std, long seed, int... shape) {
    return normal(mean, std, new Rng(seed), shape);
  }

  /** Normal samples with the given mean and standard deviation drawn from {@code rng}. */
  public static Tensor normal(float mean, float std, Rng rng, int... shape) {
    float[] d = new float[Shape.numel(shape)];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (mean + std * rng.nextGaussian());
    }
    return new Tensor(d, shape.clone());
  }

  // ---------------------------------------------------------------- shape and data

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Size of dimension {@code axis} (negative counts from the end). */
  public int dim(int axis) {
    return shape[Shape.axis(axis, shape.length)];
  }

  /** Number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int numel() {
    return data.length;
  }

  /**
   * The backing row-major array, not a copy: for kernels and fast paths. Writing to it changes
   * this tensor (and, for a tensor in a recorded graph, invalidates its gradients).
   */
  public float[] data() {
    return data;
  }

  /** A copy of the elements in row-major order. */
  public float[] toArray() {
    return data.clone();
  }

  /** The element at a multi-index (one index per dimension). */
  public float get(int... index) {
    return data[flatIndex(index)];
  }

  /** Sets the element at a multi-index. Only for tensors outside a recorded graph. */
  public void set(float value, int... index) {
    if (gradFn != null) {
      throw new IllegalStateException("cannot write into a tensor produced by a recorded op");
    }
    data[flatIndex(index)] = value;
  }

  /** The value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalArgumentException(
          "item() needs a one-element tensor, got shape " + Shape.format(shape));
    }
    return data[0];
  }

  private int flatIndex(int[] index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index " + Arrays.toString(index) + " has "
          + index.length + " coordinates, tensor of shape " + Shape.format(shape) + " needs "
          + shape.length);
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      int x = index[i];
      if (x < 0 || x >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
            + " is out of bounds for shape " + Shape.format(shape));
      }
      flat = flat * shape[i] + x;
    }
    return flat;
  }

  // ---------------------------------------------------------------- autograd

  /** Whether gradients flow to (and, for a leaf, accumulate in) this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /**
   * Marks a leaf tensor as a parameter whose gradient {@link #backward()} accumulates.
   *
   * @return this tensor
   * @throws IllegalStateException on a tensor produced by a recorded op (use {@link #detach()})
   */
  public Tensor requiresGrad(boolean value) {
    if (gradFn != null) {
      throw new IllegalStateException(
          "requiresGrad can only be set on a leaf tensor; this one was produced by "
              + gradFn.function.name() + " (detach() it first)");
    }
    requiresGrad = value;
    return this;
  }

  /** True when this tensor was not produced by a recorded op. */
  public boolean isLeaf() {
    return gradFn == null;
  }

  /** The accumulated gradient of a leaf, shaped like it, or null before any backward. */
  public Tensor grad() {
    return grad;
  }

  /** Replaces the accumulated gradient (null clears it). */
  public void setGrad(Tensor gradient) {
    if (gradient != null && !Arrays.equals(gradient.shape, shape)) {
      throw new IllegalArgumentException("gradient of shape " + Shape.format(gradient.shape)
          + " does not match tensor shape " + Shape.format(shape));
    }
    grad = gradient;
  }

  /** Clears the accumulated gradient (sets it to null, like PyTorch's set_to_none). */
  public void zeroGrad() {
    grad = null;
  }

  /** The function that produced this tensor, or null for a leaf. */
  public Function gradFn() {
    return gradFn == null ? null : gradFn.function;
  }

  Node node() {
    return gradFn;
  }

  int outputIndex() {
    return outputIndex;
  }

  /** The same data, cut from the graph: a leaf that does not require grad. */
  public Tensor detach() {
    return new Tensor(data, shape);
  }

  /**
   * Back-propagates from this one-element tensor (usually a loss), accumulating into the {@code
   * grad} of every leaf that requires it.
   */
  public void backward() {
    if (data.length != 1) {
      throw new IllegalArgumentException("backward() without a gradient needs a one-element "
          + "tensor, got shape " + Shape.format(shape) + "; pass the output gradient");
    }
    backward(full(1f, shape));
  }

  /** Back-propagates with the given gradient of this tensor (same shape). */
  public void backward(Tensor gradient) {
    Backward.run(this, gradient);
  }

  /** Records {@code node} as this tensor's producer; used by {@link Function}. */
  Tensor attach(Node node, int index) {
    Tensor t = this.gradFn == null && !this.requiresGrad ? this : new Tensor(data, shape);
    t.gradFn = node;
    t.outputIndex = index;
    t.requiresGrad = true;
    return t;
  }

  void accumulateGrad(Tensor g) {
    if (grad == null) {
      grad = new Tensor(g.data.clone(), shape);
    } else {
      KernelProvider.get().axpy(1f, g.data, 0, grad.data, 0, data.length);
    }
  }

  // ---------------------------------------------------------------- printing

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor").append(Shape.format(shape));
    if (gradFn != null) {
      sb.append(" gradFn=").append(gradFn.function.name());
    } else if (requiresGrad) {
      sb.append(" requiresGrad");
    }
    sb.append(' ');
    TensorFormat.append(sb, data, shape);
    return sb.toString();
  }
}
