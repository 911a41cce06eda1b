package org.seqlearn.layers.optim;

import java.util.List;
import org.seqlearn.core.Tensor;

/**
 * RMSprop with {@code torch.optim.RMSprop}'s update. For each parameter {@code θ} with gradient
 * {@code g}:
 *
 * <pre>
 *   g = g + λ θ                               (weight decay, if λ ≠ 0)
 *   s = α s + (1 - α) g²
 *   a = α a + (1 - α) g;  r = sqrt(s - a²)    (centered)   or   r = sqrt(s)
 *   b = μ b + g / (r + ε);  θ = θ - lr b      (momentum μ > 0; b starts at 0)
 *   θ = θ - lr g / (r + ε)                    (no momentum)
 * </pre>
 *
 * <p>Defaults: {@code alpha = 0.99}, {@code eps = 1e-8}, no momentum, not centered, no weight
 * decay (PyTorch's default learning rate is 1e-2).
 */
public final class RmsProp extends Optimizer {

  private double alpha = 0.99;
  private double eps = 1e-8;
  private double momentum;
  private double weightDecay;
  private boolean centered;
  private final float[][] squareAverages;
  private final float[][] gradAverages;
  private final float[][] buffers;

  /** RMSprop with learning rate {@code lr}. */
  public RmsProp(List<Tensor> params, double lr) {
    super(params, lr);
    squareAverages = new float[params.size()][];
    gradAverages = new float[params.size()][];
    buffers = new float[params.size()][];
  }

  /** Smoothing constant α in {@code [0, 1)}. */
  public RmsProp alpha(double value) {
    alpha = unitInterval("alpha", value);
    return this;
  }

  /** The term added to the denominator, {@code >= 0}. */
  public RmsProp eps(double value) {
    eps = nonNegative("eps", value);
    return this;
  }

  /** Momentum factor μ {@code >= 0}. */
  public RmsProp momentum(double value) {
    momentum = nonNegative("momentum", value);
    return this;
  }

  /** L2 penalty λ {@code >= 0}. */
  public RmsProp weightDecay(double value) {
    weightDecay = nonNegative("weight decay", value);
    return this;
  }

  /** Whether to normalise by the estimated variance (the centered variant). */
  public RmsProp centered(boolean value) {
    centered = value;
    return this;
  }

  @Override
  protected void update(int index, float[] param, float[] grad) {
    int n = param.length;
    if (squareAverages[index] == null) {
      squareAverages[index] = new float[n];
    }
    if (centered && gradAverages[index] == null) {
      gradAverages[index] = new float[n];
    }
    if (momentum > 0 && buffers[index] == null) {
      buffers[index] = new float[n];
    }
    float[] s = squareAverages[index];
    float[] a = gradAverages[index];
    float[] b = buffers[index];
    float decay = (float) weightDecay;
    float al = (float) alpha;
    float oneMinusAlpha = (float) (1 - alpha);
    float epsilon = (float) eps;
    float mu = (float) momentum;
    float negLr = (float) -lr();
    for (int i = 0; i < n; i++) {
      float g = decay == 0f ? grad[i] : grad[i] + decay * param[i];
      s[i] = s[i] * al + oneMinusAlpha * g * g;
      float avg;
      if (centered) {
        a[i] = a[i] * al + oneMinusAlpha * g;
        avg = (float) Math.sqrt(s[i] + -1f * a[i] * a[i]);
      } else {
        avg = (float) Math.sqrt(s[i]);
      }
      avg += epsilon;
      if (momentum > 0) {
        b[i] = b[i] * mu + g / avg;
        param[i] += negLr * b[i];
      } else {
        param[i] += negLr * (g / avg);
      }
    }
  }
}
