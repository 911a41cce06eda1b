package org.seqlearn.layers;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/** {@code L = Σ_k Σ_i w_k[i] · out_k[i]} with fixed weights: a scalar loss over many outputs. */
public final class WeightedSum extends Function {

  private final Tensor[] weights;

  public WeightedSum(Tensor... weights) {
    this.weights = weights;
  }

  /** The same sum in double, for finite differences. */
  public static double value(Tensor[] weights, Tensor... outputs) {
    double s = 0;
    for (int k = 0; k < outputs.length; k++) {
      float[] w = weights[k].data();
      float[] o = outputs[k].data();
      for (int i = 0; i < o.length; i++) {
        s += (double) w[i] * o[i];
      }
    }
    return s;
  }

  @Override
  protected Tensor[] forward(Tensor... inputs) {
    return out(Tensor.scalar((float) value(weights, inputs)));
  }

  @Override
  protected Tensor[] backward(Tensor... g) {
    float scale = g[0].item();
    Tensor[] grads = new Tensor[weights.length];
    for (int k = 0; k < weights.length; k++) {
      float[] d = weights[k].toArray();
      for (int i = 0; i < d.length; i++) {
        d[i] *= scale;
      }
      grads[k] = Tensor.wrap(d, weights[k].shape());
    }
    return grads;
  }
}
