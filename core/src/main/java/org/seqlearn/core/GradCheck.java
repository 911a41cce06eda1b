package org.seqlearn.core;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.random.Rng;

/**
 * Finite-difference gradient checker, PyTorch's {@code torch.autograd.gradcheck}: compares the
 * autograd gradient of every input that requires grad with central differences. Use it to test a
 * custom {@link Function}'s {@code backward} or a custom layer; every built-in op and layer is
 * tested with it.
 *
 * <p>The scalar checked is {@code L = sum(f(inputs) * W)} for fixed random weights {@code W}
 * (seeded), accumulated in double. The analytic gradient is obtained by back-propagating {@code W}
 * from the output; the numeric one as {@code (L(x + h) - L(x - h)) / (2h)} per element, with
 * {@code h} the step actually representable in float. An element passes when {@code |analytic -
 * numeric| <= atol + rtol * max(|analytic|, |numeric|)}.
 *
 * <pre>{@code
 * Tensor x = Tensor.uniform(-1, 1, 7L, 3, 4).requiresGrad(true);
 * GradCheck.of(in -> in[0].tanh().sum(1, false)).check(x);
 * }</pre>
 *
 * <p>Parameters are checked the same way: pass them as extra inputs (they are leaves that require
 * grad) even when {@code fn} reaches them through a layer rather than through {@code inputs}, since
 * the check perturbs each input's data in place. For a weight {@code w [3, 4]} read by the
 * function:
 *
 * <pre>{@code
 * Tensor w = Tensor.normal(0f, 0.5f, 1L, 3, 4).requiresGrad(true);
 * Tensor x = Tensor.uniform(-1f, 1f, 2L, 5, 4).requiresGrad(true);
 * GradCheck.check(in -> in[0].matmul(w, false, true).tanh(), x, w);   // [5, 3] output
 * }</pre>
 *
 * <p>Defaults suit float32 and smooth functions of inputs of magnitude ~1: {@code eps = 1e-2},
 * {@code rtol = 1e-2}, {@code atol = 1e-3}. Keep inputs of non-smooth ops (relu, max, clamp) more
 * than {@code eps} away from their kinks.
 */
public final class GradCheck {

  /** The function under test: inputs in, one output tensor out. */
  @FunctionalInterface
  public interface Fn {
    /**
     * Computes the output from the inputs with recorded ops.
     *
     * @param inputs the tensors given to {@link GradCheck#check(Tensor...)}, in order
     * @return the output, of any shape
     */
    Tensor apply(Tensor... inputs);
  }

  private final Fn fn;
  private double eps = 1e-2;
  private double rtol = 1e-2;
  private double atol = 1e-3;
  private long seed = 0x5EED;

  private GradCheck(Fn fn) {
    this.fn = fn;
  }

  /** A checker for {@code fn} with the default step and tolerances. */
  public static GradCheck of(Fn fn) {
    return new GradCheck(fn);
  }

  /**
   * Checks {@code fn} at {@code inputs} with the defaults; see {@link #check(Tensor...)}.
   *
   * @throws AssertionError listing the worst mismatching elements
   */
  public static void check(Fn fn, Tensor... inputs) {
    of(fn).check(inputs);
  }

  /** The finite-difference step {@code h}; returns this checker. */
  public GradCheck eps(double value) {
    this.eps = value;
    return this;
  }

  /** Relative and absolute tolerance; returns this checker. */
  public GradCheck tolerance(double relative, double absolute) {
    this.rtol = relative;
    this.atol = absolute;
    return this;
  }

  /** Seed of the random output weights {@code W}; returns this checker. */
  public GradCheck seed(long value) {
    this.seed = value;
    return this;
  }

  /**
   * Checks the gradient of every input that {@link Tensor#requiresGrad()} (at least one must).
   * Inputs must be leaves; their {@code grad} is cleared before and holds the analytic gradient
   * after. Their data is perturbed in place during the check and restored exactly.
   *
   * @param inputs the function's inputs, of any shapes
   * @throws AssertionError listing the worst mismatching elements
   * @throws IllegalArgumentException if no input requires grad or one that does is not a leaf
   */
  public void check(Tensor... inputs) {
    List<Integer> checked = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].requiresGrad()) {
        if (!inputs[i].isLeaf()) {
          throw new IllegalArgumentException("GradCheck: input " + i + " is not a leaf");
        }
        inputs[i].zeroGrad();
        checked.add(i);
      }
    }
    if (checked.isEmpty()) {
      throw new IllegalArgumentException("GradCheck: no input requires grad");
    }
    Tensor out = fn.apply(inputs);
    if (!out.requiresGrad()) {
      throw new AssertionError("GradCheck: the output does not require grad (nothing recorded)");
    }
    float[] w = weights(out.shape());
    out.backward(Tensor.fromArray(w, out.shape()));

    StringBuilder failures = new StringBuilder();
    int failed = 0;
    double worst = 0;
    for (int i : checked) {
      Tensor x = inputs[i];
      float[] analytic = x.grad() == null ? new float[x.numel()] : x.grad().toArray();
      float[] data = x.data();
      int[] strides = Shape.strides(x.shape());
      for (int e = 0; e < data.length; e++) {
        float orig = data[e];
        float plus = (float) (orig + eps);
        float minus = (float) (orig - eps);
        data[e] = plus;
        double lossPlus = loss(inputs, w);
        data[e] = minus;
        double lossMinus = loss(inputs, w);
        data[e] = orig;
        double numeric = (lossPlus - lossMinus) / ((double) plus - minus);
        double a = analytic[e];
        double err = Math.abs(a - numeric);
        double allowed = atol + rtol * Math.max(Math.abs(a), Math.abs(numeric));
        if (!(err <= allowed)) {
          failed++;
          worst = Math.max(worst, err / allowed);
          if (failed <= 10) {
            failures.append(String.format("%n  input %d %s element %s: analytic %.6g, numeric "
                + "%.6g", i, Shape.format(x.shape()), index(e, strides), a, numeric));
          }
        }
      }
    }
    if (failed > 0) {
      throw new AssertionError("GradCheck: " + failed + " gradient element(s) differ (worst "
          + String.format("%.3g", worst) + "x the tolerance, rtol=" + rtol + ", atol=" + atol
          + ", eps=" + eps + "):" + failures);
    }
  }

  private double loss(Tensor[] inputs, float[] w) {
    Tensor out;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      out = fn.apply(inputs);
    }
    float[] y = out.data();
    double sum = 0;
    for (int j = 0; j < y.length; j++) {
      sum += (double) y[j] * w[j];
    }
    return sum;
  }

  private float[] weights(int[] shape) {
    Rng rng = new Rng(seed);
    float[] w = new float[Shape.numel(shape)];
    for (int j = 0; j < w.length; j++) {
      w[j] = (float) rng.nextGaussian();
    }
    return w;
  }

  private static String index(int flat, int[] strides) {
    int[] idx = new int[strides.length];
    for (int d = 0; d < strides.length; d++) {
      idx[d] = flat / strides[d];
      flat %= strides[d];
    }
    return java.util.Arrays.toString(idx);
  }
}
