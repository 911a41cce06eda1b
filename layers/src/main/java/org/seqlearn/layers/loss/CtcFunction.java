package org.seqlearn.layers.loss;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/**
 * The CTC node behind {@link CtcLoss}. For each sample, over the extended label sequence {@code
 * l'} (the labels with a blank before, between and after them, length {@code 2L + 1}):
 *
 * <pre>
 *   α[0, 0] = lp[0, blank],  α[0, 1] = lp[0, l'1]
 *   α[t, s] = lp[t, l's] + logsumexp(α[t-1, s], α[t-1, s-1],
 *                                    α[t-1, s-2] if l's ≠ blank and l's ≠ l's-2)
 *   loss    = -logsumexp(α[T-1, 2L], α[T-1, 2L-1])
 * </pre>
 *
 * <p>β is the mirror recursion from the end; the backward is PyTorch's {@code exp(lp[t, c]) -
 * exp(logsumexp_{s: l's = c}(α[t, s] + β[t, s]) + loss - lp[t, c])}. All in double.
 */
final class CtcFunction extends Function {

  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private final int[][] labels;
  private final int[] inputLengths;
  private final int blank;
  private final Reduction reduction;
  private final boolean zeroInfinity;
  private final boolean batchFirst;
  private Tensor logProbs;
  private int time;
  private int batch;
  private int classes;
  private double[] nll;
  private double[][] alphas;

  CtcFunction(int[][] labels, int[] inputLengths, int blank, Reduction reduction,
      boolean zeroInfinity, boolean batchFirst) {
    this.labels = labels;
    this.inputLengths = inputLengths;
    this.blank = blank;
    this.reduction = reduction;
    this.zeroInfinity = zeroInfinity;
    this.batchFirst = batchFirst;
  }

  @Override
  public String name() {
    return "ctc";
  }

  private int offset(int t, int b) {
    return (batchFirst ? b * time + t : t * batch + b) * classes;
  }

  private int extended(int[] l, int s) {
    return (s & 1) == 0 ? blank : l[s >> 1];
  }

  private static double logAdd(double a, double b) {
    if (a == NEG_INF) {
      return b;
    }
    if (b == NEG_INF) {
      return a;
    }
    double m = Math.max(a, b);
    return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
  }

  /** Whether the transition skipping the blank between {@code s - 2} and {@code s} is allowed. */
  private boolean canSkip(int[] l, int s) {
    return s >= 2 && (s & 1) == 1 && extended(l, s) != extended(l, s - 2);
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    logProbs = in[0];
    int[] shape = logProbs.shape();
    time = batchFirst ? shape[1] : shape[0];
    batch = batchFirst ? shape[0] : shape[1];
    classes = shape[2];
    float[] lp = logProbs.data();
    nll = new double[batch];
    alphas = new double[batch][];
    for (int b = 0; b < batch; b++) {
      int[] l = labels[b];
      int states = 2 * l.length + 1;
      int frames = inputLengths[b];
      double[] alpha = new double[frames * states];
      Arrays.fill(alpha, NEG_INF);
      alpha[0] = lp[offset(0, b) + blank];
      if (states > 1) {
        alpha[1] = lp[offset(0, b) + l[0]];
      }
      for (int t = 1; t < frames; t++) {
        int row = t * states;
        int prev = row - states;
        int o = offset(t, b);
        for (int s = 0; s < states; s++) {
          double sum = alpha[prev + s];
          if (s >= 1) {
            sum = logAdd(sum, alpha[prev + s - 1]);
          }
          if (canSkip(l, s)) {
            sum = logAdd(sum, alpha[prev + s - 2]);
          }
          alpha[row + s] = sum == NEG_INF ? NEG_INF : sum + lp[o + extended(l, s)];
        }
      }
      int last = (frames - 1) * states;
      double logLikelihood = alpha[last + states - 1];
      if (states > 1) {
        logLikelihood = logAdd(logLikelihood, alpha[last + states - 2]);
      }
      nll[b] = -logLikelihood;
      alphas[b] = alpha;
    }
    float[] losses = new float[batch];
    double total = 0;
    for (int b = 0; b < batch; b++) {
      double v = zeroInfinity && nll[b] == Double.POSITIVE_INFINITY ? 0 : nll[b];
      losses[b] = (float) v;
      total += reduction == Reduction.MEAN ? v / Math.max(labels[b].length, 1) : v;
    }
    return out(reduction.reduce(losses, new int[] {batch}, total, batch));
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] lp = logProbs.data();
    float[] grad = new float[lp.length];
    double[] logPosterior = new double[classes];
    for (int b = 0; b < batch; b++) {
      if (zeroInfinity && nll[b] == Double.POSITIVE_INFINITY) {
        continue;
      }
      double gb;
      if (reduction == Reduction.NONE) {
        gb = g[b];
      } else if (reduction == Reduction.SUM) {
        gb = g[0];
      } else {
        gb = g[0] / Math.max(labels[b].length, 1) / batch;
      }
      int[] l = labels[b];
      int states = 2 * l.length + 1;
      int frames = inputLengths[b];
      double[] alpha = alphas[b];
      double[] beta = new double[states];
      double[] next = new double[states];
      for (int t = frames - 1; t >= 0; t--) {
        int o = offset(t, b);
        Arrays.fill(beta, NEG_INF);
        if (t == frames - 1) {
          beta[states - 1] = lp[o + blank];
          if (states > 1) {
            beta[states - 2] = lp[o + l[l.length - 1]];
          }
        } else {
          for (int s = 0; s < states; s++) {
            double sum = next[s];
            if (s + 1 < states) {
              sum = logAdd(sum, next[s + 1]);
            }
            if (s + 2 < states && canSkip(l, s + 2)) {
              sum = logAdd(sum, next[s + 2]);
            }
            beta[s] = sum == NEG_INF ? NEG_INF : sum + lp[o + extended(l, s)];
          }
        }
        Arrays.fill(logPosterior, NEG_INF);
        int row = t * states;
        for (int s = 0; s < states; s++) {
          int c = extended(l, s);
          logPosterior[c] = logAdd(logPosterior[c], alpha[row + s] + beta[s]);
        }
        for (int c = 0; c < classes; c++) {
          double v = lp[o + c];
          grad[o + c] = (float) ((Math.exp(v) - Math.exp(logPosterior[c] + nll[b] - v)) * gb);
        }
        double[] swap = next;
        next = beta;
        beta = swap;
      }
    }
    return out(Tensor.wrap(grad, logProbs.shape()));
  }
}
