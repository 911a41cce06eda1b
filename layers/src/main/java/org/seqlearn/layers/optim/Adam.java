package org.seqlearn.layers.optim;

import java.util.List;
import org.seqlearn.core.Tensor;

/**
 * Adam (Kingma and Ba) with {@code torch.optim.Adam}'s update. For each parameter {@code θ} with
 * gradient {@code g}, at its step {@code t} (counted per parameter, from 1):
 *
 * <pre>
 *   g = g + λ θ                                   (L2 weight decay, if λ ≠ 0)
 *   m = β1 m + (1 - β1) g
 *   v = β2 v + (1 - β2) g²
 *   v̂ = max(v̂, v) with amsgrad, else v
 *   θ = θ - lr / (1 - β1^t) · m / (sqrt(v̂) / sqrt(1 - β2^t) + ε)
 * </pre>
 *
 * <p>Defaults: {@code betas = (0.9, 0.999)}, {@code eps = 1e-8}, no weight decay, no amsgrad.
 * {@link AdamW} decouples the weight decay instead.
 */
public class Adam extends Optimizer {

  private final boolean decoupled;
  private double beta1 = 0.9;
  private double beta2 = 0.999;
  private double eps = 1e-8;
  private double weightDecay;
  private boolean amsgrad;
  private final float[][] firstMoments;
  private final float[][] secondMoments;
  private final float[][] maxSecondMoments;
  private final int[] steps;

  /** Adam with learning rate {@code lr} (PyTorch's default is 1e-3). */
  public Adam(List<Tensor> params, double lr) {
    this(params, lr, false);
  }

  Adam(List<Tensor> params, double lr, boolean decoupled) {
    super(params, lr);
    this.decoupled = decoupled;
    firstMoments = new float[params.size()][];
    secondMoments = new float[params.size()][];
    maxSecondMoments = new float[params.size()][];
    steps = new int[params.size()];
  }

  /** The decay rates of the moment estimates, each in {@code [0, 1)}. */
  public Adam betas(double first, double second) {
    beta1 = unitInterval("beta1", first);
    beta2 = unitInterval("beta2", second);
    return this;
  }

  /** The term added to the denominator, {@code >= 0}. */
  public Adam eps(double value) {
    eps = nonNegative("eps", value);
    return this;
  }

  /** Weight decay λ {@code >= 0}: an L2 penalty for Adam, decoupled for {@link AdamW}. */
  public Adam weightDecay(double value) {
    weightDecay = nonNegative("weight decay", value);
    return this;
  }

  /** Whether to use the AMSGrad variant (the running maximum of {@code v}). */
  public Adam amsgrad(boolean value) {
    amsgrad = value;
    return this;
  }

  @Override
  protected final void update(int index, float[] param, float[] grad) {
    int n = param.length;
    if (firstMoments[index] == null) {
      firstMoments[index] = new float[n];
      secondMoments[index] = new float[n];
      if (amsgrad) {
        maxSecondMoments[index] = new float[n];
      }
    }
    int t = ++steps[index];
    double lr = lr();
    if (decoupled && weightDecay != 0) {
      float shrink = (float) (1 - lr * weightDecay);
      for (int i = 0; i < n; i++) {
        param[i] *= shrink;
      }
    }
    float l2 = decoupled ? 0f : (float) weightDecay;
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float oneMinusB1 = (float) (1 - beta1);
    float oneMinusB2 = (float) (1 - beta2);
    double biasCorrection1 = 1 - Math.pow(beta1, t);
    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
    float stepSize = (float) -(lr / biasCorrection1);
    float correction2 = (float) biasCorrection2Sqrt;
    float epsilon = (float) eps;
    float[] m = firstMoments[index];
    float[] v = secondMoments[index];
    float[] vMax = maxSecondMoments[index];
    if (amsgrad && vMax == null) {
      vMax = new float[n];
      maxSecondMoments[index] = vMax;
    }
    for (int i = 0; i < n; i++) {
      float g = l2 == 0f ? grad[i] : grad[i] + l2 * param[i];
      m[i] = m[i] * b1 + oneMinusB1 * g;
      v[i] = v[i] * b2 + oneMinusB2 * g * g;
      float second = v[i];
      if (amsgrad) {
        vMax[i] = Math.max(vMax[i], v[i]);
        second = vMax[i];
      }
      float denom = (float) Math.sqrt(second) / correction2 + epsilon;
      param[i] += stepSize * (m[i] / denom);
    }
  }
}
