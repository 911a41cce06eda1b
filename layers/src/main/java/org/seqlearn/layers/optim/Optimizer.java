package org.seqlearn.layers.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.Tensor;

/**
 * Base of the optimizers: updates a fixed list of parameters in place from their accumulated
 * gradients, like a {@code torch.optim.Optimizer} with a single parameter group.
 *
 * <p>Parameters are leaf tensors (usually with {@code requiresGrad}); {@link #step()} skips those
 * whose {@code grad} is null, without touching their state. Per-parameter state (moments,
 * momentum buffers, step counts) is created on a parameter's first update. The learning rate is a
 * double, like PyTorch's; {@link LrScheduler}s change it through {@link #setLr(double)}.
 *
 * <!-- given: Module model, List<Batch<Tensor, Tensor>> batches,
 *      java.util.function.Function<Batch<Tensor, Tensor>, Tensor> loss -->
 * <pre>{@code
 * Optimizer opt = new Adam(model.parameters(), 1e-3);
 * for (Batch<Tensor, Tensor> b : batches) {
 *   opt.zeroGrad();
 *   loss.apply(b).backward();
 *   opt.step();
 * }
 * }</pre>
 */
public abstract class Optimizer {

  private final List<Tensor> params;
  private double lr;
  private double initialLr = Double.NaN;

  /**
   * @param params the parameters (leaf tensors, no duplicates), in a fixed order
   * @param lr the learning rate, {@code >= 0}
   * @throws IllegalArgumentException on an empty list, a non-leaf or repeated parameter, or a
   *     negative learning rate
   */
  protected Optimizer(List<Tensor> params, double lr) {
    if (params == null || params.isEmpty()) {
      throw new IllegalArgumentException("optimizer got an empty parameter list");
    }
    Map<Tensor, Integer> seen = new IdentityHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      if (p == null) {
        throw new IllegalArgumentException("parameter " + i + " is null");
      }
      if (!p.isLeaf()) {
        throw new IllegalArgumentException("parameter " + i + " is not a leaf tensor (produced by "
            + p.gradFn().name() + "); optimizers update leaves only");
      }
      Integer previous = seen.put(p, i);
      if (previous != null) {
        throw new IllegalArgumentException("parameter " + i + " is the same tensor as parameter "
            + previous);
      }
    }
    this.params = Collections.unmodifiableList(new ArrayList<>(params));
    setLr(lr);
  }

  /** The parameters, in update order (unmodifiable). */
  public final List<Tensor> params() {
    return params;
  }

  /** The current learning rate. */
  public final double lr() {
    return lr;
  }

  /** Sets the learning rate used by the next {@link #step()}. */
  public final void setLr(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("learning rate must be finite and >= 0, got " + value);
    }
    lr = value;
  }

  /**
   * The learning rate the first scheduler saw (PyTorch's {@code initial_lr}): recorded on the
   * first call, returned unchanged after.
   */
  final double initialLr() {
    if (Double.isNaN(initialLr)) {
      initialLr = lr;
    }
    return initialLr;
  }

  /** Clears every parameter's gradient (sets it to null, PyTorch's default). */
  public final void zeroGrad() {
    for (Tensor p : params) {
      p.zeroGrad();
    }
  }

  /** Updates every parameter that has a gradient, in place. */
  public final void step() {
    validate();
    for (int i = 0; i < params.size(); i++) {
      Tensor p = params.get(i);
      Tensor g = p.grad();
      if (g != null) {
        update(i, p.data(), g.data());
      }
    }
  }

  /** Checks option combinations before a step; throws IllegalArgumentException if invalid. */
  protected void validate() {}

  /**
   * Updates parameter {@code index} in place.
   *
   * @param param the parameter's storage (written)
   * @param grad its gradient (read only)
   */
  protected abstract void update(int index, float[] param, float[] grad);

  /** Throws if {@code value} is negative or not finite. */
  static double nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
    return value;
  }

  /** Throws unless {@code 0 <= value < 1}. */
  static double unitInterval(String name, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
    return value;
  }
}
