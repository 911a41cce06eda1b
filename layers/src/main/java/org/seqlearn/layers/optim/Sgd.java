package org.seqlearn.layers.optim;

import java.util.List;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, with {@code torch.optim.SGD}'s update for each parameter {@code θ} with gradient
 * {@code g}:
 *
 * <pre>
 *   d = g + λ θ
 *   b = d                              on the first step with momentum μ ≠ 0
 *   b = μ b + (1 - dampening) d        after that
 *   d = d + μ b (Nesterov)   or   d = b
 *   θ = θ - lr · d
 * </pre>
 *
 * <p>Options are set fluently: {@code new Sgd(params, 0.1).momentum(0.9).nesterov(true)}.
 */
public final class Sgd extends Optimizer {

  private double momentum;
  private double dampening;
  private double weightDecay;
  private boolean nesterov;
  private final float[][] buffers;

  /** Plain SGD with learning rate {@code lr}. */
  public Sgd(List<Tensor> params, double lr) {
    super(params, lr);
    buffers = new float[params.size()][];
  }

  /** Momentum factor μ {@code >= 0} (default 0). */
  public Sgd momentum(double value) {
    momentum = nonNegative("momentum", value);
    return this;
  }

  /** Dampening of the momentum {@code >= 0} (default 0). */
  public Sgd dampening(double value) {
    dampening = nonNegative("dampening", value);
    return this;
  }

  /** L2 penalty λ {@code >= 0} (default 0). */
  public Sgd weightDecay(double value) {
    weightDecay = nonNegative("weight decay", value);
    return this;
  }

  /** Nesterov momentum (needs momentum > 0 and zero dampening). */
  public Sgd nesterov(boolean value) {
    nesterov = value;
    return this;
  }

  @Override
  protected void validate() {
    if (nesterov && (momentum <= 0 || dampening != 0)) {
      throw new IllegalArgumentException("Nesterov momentum requires momentum > 0 and dampening "
          + "0, got momentum " + momentum + " and dampening " + dampening);
    }
  }

  @Override
  protected void update(int index, float[] param, float[] grad) {
    Kernels k = KernelProvider.get();
    int n = param.length;
    float[] d = grad;
    if (weightDecay != 0) {
      d = grad.clone();
      k.axpy((float) weightDecay, param, 0, d, 0, n);
    }
    if (momentum != 0) {
      float[] buf = buffers[index];
      if (buf == null) {
        buf = d.clone();
        buffers[index] = buf;
      } else {
        k.scale((float) momentum, buf, 0, n);
        k.axpy((float) (1 - dampening), d, 0, buf, 0, n);
      }
      if (nesterov) {
        if (d == grad) {
          d = grad.clone();
        }
        k.axpy((float) momentum, buf, 0, d, 0, n);
      } else {
        d = buf;
      }
    }
    k.axpy((float) -lr(), d, 0, param, 0, n);
  }
}
