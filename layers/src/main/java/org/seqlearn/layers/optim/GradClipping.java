package org.seqlearn.layers.optim;

import java.util.List;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Gradient clipping, in place on the parameters' accumulated gradients, like {@code
 * torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. Parameters without a gradient
 * are skipped.
 */
public final class GradClipping {

  private GradClipping() {}

  /** {@link #clipGradNorm(List, double, double)} with the Euclidean norm. */
  public static float clipGradNorm(List<Tensor> params, double maxNorm) {
    return clipGradNorm(params, maxNorm, 2.0);
  }

  /**
   * Scales all gradients together so that their global norm (the norm of the per-parameter
   * norms) is at most {@code maxNorm}: each gradient is multiplied by {@code min(1, maxNorm /
   * (total + 1e-6))}.
   *
   * @param normType the p of the p-norm, {@code > 0}, or {@link Double#POSITIVE_INFINITY} for the
   *     largest absolute value
   * @return the total norm of the gradients before clipping (0 when no parameter has one)
   * @throws IllegalArgumentException if {@code maxNorm < 0} or {@code normType <= 0}
   */
  public static float clipGradNorm(List<Tensor> params, double maxNorm, double normType) {
    if (!(maxNorm >= 0)) {
      throw new IllegalArgumentException("max norm must be >= 0, got " + maxNorm);
    }
    if (!(normType > 0)) {
      throw new IllegalArgumentException("norm type must be > 0 or infinity, got " + normType);
    }
    boolean inf = Double.isInfinite(normType);
    double total = 0;
    boolean any = false;
    for (Tensor p : params) {
      if (p.grad() == null) {
        continue;
      }
      any = true;
      float norm = norm(p.grad().data(), normType);
      total = inf ? Math.max(total, norm) : total + Math.pow(norm, normType);
    }
    if (!any) {
      return 0f;
    }
    float totalNorm = (float) (inf ? total : Math.pow(total, 1.0 / normType));
    float coefficient = Math.min((float) maxNorm / (totalNorm + 1e-6f), 1f);
    for (Tensor p : params) {
      if (p.grad() != null) {
        float[] g = p.grad().data();
        KernelProvider.get().scale(coefficient, g, 0, g.length);
      }
    }
    return totalNorm;
  }

  private static float norm(float[] g, double p) {
    double acc = 0;
    if (Double.isInfinite(p)) {
      for (float v : g) {
        acc = Math.max(acc, Math.abs(v));
      }
      return (float) acc;
    }
    if (p == 2.0) {
      for (float v : g) {
        acc += (double) v * v;
      }
      return (float) Math.sqrt(acc);
    }
    if (p == 1.0) {
      for (float v : g) {
        acc += Math.abs(v);
      }
      return (float) acc;
    }
    for (float v : g) {
      acc += Math.pow(Math.abs(v), p);
    }
    return (float) Math.pow(acc, 1.0 / p);
  }

  /**
   * Clamps every gradient element to {@code [-clipValue, clipValue]}.
   *
   * @throws IllegalArgumentException if {@code clipValue < 0}
   */
  public static void clipGradValue(List<Tensor> params, double clipValue) {
    if (!(clipValue >= 0)) {
      throw new IllegalArgumentException("clip value must be >= 0, got " + clipValue);
    }
    float c = (float) clipValue;
    for (Tensor p : params) {
      if (p.grad() == null) {
        continue;
      }
      float[] g = p.grad().data();
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.max(-c, Math.min(c, g[i]));
      }
    }
  }
}
