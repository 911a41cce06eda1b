package org.seqlearn.layers.loss;

import org.seqlearn.core.Function;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/**
 * The fused cross-entropy node behind {@link CrossEntropyLoss}: log-softmax, negative
 * log-likelihood, label smoothing and reduction in one pass, with the closed-form backward
 * {@code dx[c] = g · ((1 - ε) w[t] (p[c] - δ[c,t]) + (ε / C)(p[c] Σw - w[c]))}.
 *
 * <p>Logits are viewed as {@code [outer, C, inner]}; position {@code o · inner + i} is the
 * row-major index of the target.
 */
final class CrossEntropyFunction extends Function {

  private final IntTensor targets;
  private final boolean[] counted;
  private final int classes;
  private final int inner;
  private final float[] weights;
  private final double smoothing;
  private final Reduction reduction;
  private Tensor logits;
  private double[] logSumExp;
  private double scale;

  CrossEntropyFunction(IntTensor targets, boolean[] counted, int classes, int inner,
      float[] weights, float smoothing, Reduction reduction) {
    this.targets = targets;
    this.counted = counted;
    this.classes = classes;
    this.inner = inner;
    this.weights = weights;
    this.smoothing = smoothing;
    this.reduction = reduction;
  }

  @Override
  public String name() {
    return "crossEntropy";
  }

  private double weight(int c) {
    return weights == null ? 1.0 : weights[c];
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    logits = in[0];
    float[] x = logits.data();
    int positions = counted.length;
    logSumExp = new double[positions];
    double[] loss = new double[positions];
    double denominator = 0;
    for (int p = 0; p < positions; p++) {
      if (!counted[p]) {
        continue;
      }
      int base = (p / inner) * classes * inner + p % inner;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, x[base + c * inner]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(x[base + c * inner] - max);
      }
      double lse = max + Math.log(sum);
      logSumExp[p] = lse;
      int t = targets.at(p);
      double nll = -weight(t) * (x[base + t * inner] - lse);
      double value = (1 - smoothing) * nll;
      if (smoothing != 0) {
        double smooth = 0;
        for (int c = 0; c < classes; c++) {
          smooth -= weight(c) * (x[base + c * inner] - lse);
        }
        value += smoothing / classes * smooth;
      }
      loss[p] = value;
      denominator += weight(t);
    }
    if (reduction == Reduction.NONE) {
      scale = 1;
      float[] out = new float[positions];
      for (int p = 0; p < positions; p++) {
        out[p] = (float) loss[p];
      }
      return out(Tensor.wrap(out, targets.shape()));
    }
    double total = 0;
    for (double v : loss) {
      total += v;
    }
    scale = reduction == Reduction.MEAN ? 1.0 / denominator : 1.0;
    return out(Tensor.scalar((float) (total * scale)));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] x = logits.data();
    float[] dx = new float[x.length];
    double weightSum = 0;
    for (int c = 0; c < classes; c++) {
      weightSum += weight(c);
    }
    double smoothPerClass = smoothing / classes;
    for (int p = 0; p < counted.length; p++) {
      if (!counted[p]) {
        continue;
      }
      double gp = (reduction == Reduction.NONE ? g[p] : g[0]) * scale;
      int base = (p / inner) * classes * inner + p % inner;
      int t = targets.at(p);
      double a = (1 - smoothing) * weight(t);
      double b = smoothPerClass * weightSum;
      for (int c = 0; c < classes; c++) {
        int i = base + c * inner;
        double prob = Math.exp(x[i] - logSumExp[p]);
        double d = (a + b) * prob - smoothPerClass * weight(c) - (c == t ? a : 0);
        dx[i] = (float) (gp * d);
      }
    }
    return out(Tensor.wrap(dx, logits.shape()));
  }
}
