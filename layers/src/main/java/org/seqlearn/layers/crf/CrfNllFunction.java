package org.seqlearn.layers.crf;

import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.Reduction;

/**
 * The negative log-likelihood node behind {@link LinearChainCrf#negativeLogLikelihood}. Inputs:
 * emissions {@code [B, T, K]}, transitions {@code [K, K]}, start and end transitions {@code [K]}.
 * For sample {@code b} of length {@code L} and gold tags {@code y}:
 *
 * <pre>
 *   α⟨0⟩[j] = start[j] + e⟨0⟩[j]
 *   α⟨t⟩[j] = logsumexp_i(α⟨t-1⟩[i] + A[i, j]) + e⟨t⟩[j]
 *   log Z   = logsumexp_j(α⟨L-1⟩[j] + end[j])
 *   nll     = log Z - (start[y⟨0⟩] + Σ_t e⟨t⟩[y⟨t⟩] + Σ_t A[y⟨t-1⟩, y⟨t⟩] + end[y⟨L-1⟩])
 * </pre>
 *
 * <p>β is the mirror recursion from the end ({@code β⟨L-1⟩ = end}); the gradient of {@code log Z}
 * is the marginal probability of each tag ({@code exp(α + β - log Z)}) and of each transition, so
 * the gradient of the NLL is marginal minus gold count. Steps past a sample's length get a zero
 * gradient. All arithmetic is in double over flat arrays, one node for the whole batch.
 */
final class CrfNllFunction extends Function {

  private final int[][] gold;
  private final TransitionConstraints constraints;
  private final Reduction reduction;
  private Tensor emissions;
  private CrfScores scores;
  private int batch;
  private int time;
  private int tags;
  private double[][] alphas;
  private double[] logZ;

  /** {@code gold[b]} holds the {@code L_b} gold tags of sample {@code b}. */
  CrfNllFunction(int[][] gold, TransitionConstraints constraints, Reduction reduction) {
    this.gold = gold;
    this.constraints = constraints;
    this.reduction = reduction;
  }

  @Override
  public String name() {
    return "crf";
  }

  @Override
  protected Tensor[] forward(Tensor... in) {
    emissions = in[0];
    scores = CrfScores.of(in[1], in[2], in[3], constraints);
    int[] shape = emissions.shape();
    batch = shape[0];
    time = shape[1];
    tags = shape[2];
    float[] e = emissions.data();
    alphas = new double[batch][];
    logZ = new double[batch];
    double[] work = new double[tags];
    float[] losses = new float[batch];
    double total = 0;
    for (int b = 0; b < batch; b++) {
      int length = gold[b].length;
      int base = b * time * tags;
      double[] alpha = new double[length * tags];
      for (int j = 0; j < tags; j++) {
        alpha[j] = scores.start[j] + e[base + j];
      }
      for (int t = 1; t < length; t++) {
        int prev = (t - 1) * tags;
        for (int j = 0; j < tags; j++) {
          for (int i = 0; i < tags; i++) {
            work[i] = alpha[prev + i] + scores.transition[i * tags + j];
          }
          alpha[t * tags + j] = CrfScores.logSumExp(work, 0, tags) + e[base + t * tags + j];
        }
      }
      int last = (length - 1) * tags;
      for (int j = 0; j < tags; j++) {
        work[j] = alpha[last + j] + scores.end[j];
      }
      alphas[b] = alpha;
      logZ[b] = CrfScores.logSumExp(work, 0, tags);
      double nll = logZ[b] - goldScore(b, e, base);
      losses[b] = (float) nll;
      total += nll;
    }
    if (reduction == Reduction.NONE) {
      return out(Tensor.wrap(losses, batch));
    }
    return out(Tensor.scalar((float) (reduction == Reduction.SUM ? total : total / batch)));
  }

  private double goldScore(int b, float[] e, int base) {
    int[] y = gold[b];
    double score = scores.start[y[0]] + e[base + y[0]];
    for (int t = 1; t < y.length; t++) {
      score += scores.transition[y[t - 1] * tags + y[t]] + e[base + t * tags + y[t]];
    }
    score += scores.end[y[y.length - 1]];
    if (score == CrfScores.NEG_INF) {
      throw new IllegalArgumentException("crf: the gold tags of sample " + b + " use a "
          + "transition the constraints forbid");
    }
    return score;
  }

  @Override
  protected Tensor[] backward(Tensor... gradOut) {
    float[] g = gradOut[0].data();
    float[] e = emissions.data();
    float[] gradEmissions = new float[e.length];
    double[] gradTransition = new double[tags * tags];
    double[] gradStart = new double[tags];
    double[] gradEnd = new double[tags];
    double[] beta = new double[tags];
    double[] previous = new double[tags];
    double[] work = new double[tags];
    double[] a = scores.transition;
    for (int b = 0; b < batch; b++) {
      double gb = reduction == Reduction.NONE ? g[b]
          : reduction == Reduction.SUM ? g[0] : g[0] / batch;
      int[] y = gold[b];
      int length = y.length;
      int base = b * time * tags;
      double[] alpha = alphas[b];
      double z = logZ[b];
      System.arraycopy(scores.end, 0, beta, 0, tags);
      for (int t = length - 1; t >= 0; t--) {
        int row = t * tags;
        for (int j = 0; j < tags; j++) {
          double p = Math.exp(alpha[row + j] + beta[j] - z);
          double d = p - (y[t] == j ? 1 : 0);
          gradEmissions[base + row + j] = (float) (gb * d);
          if (t == 0) {
            gradStart[j] += gb * d;
          }
          if (t == length - 1) {
            gradEnd[j] += gb * d;
          }
        }
        if (t == 0) {
          break;
        }
        int prev = row - tags;
        for (int i = 0; i < tags; i++) {
          for (int j = 0; j < tags; j++) {
            double next = a[i * tags + j] + e[base + row + j] + beta[j];
            work[j] = next;
            gradTransition[i * tags + j] += gb * Math.exp(alpha[prev + i] + next - z);
          }
          previous[i] = CrfScores.logSumExp(work, 0, tags);
        }
        gradTransition[y[t - 1] * tags + y[t]] -= gb;
        double[] swap = beta;
        beta = previous;
        previous = swap;
      }
    }
    return out(
        needsInputGrad(0) ? Tensor.wrap(gradEmissions, emissions.shape()) : null,
        needsInputGrad(1) ? toTensor(gradTransition, tags, tags) : null,
        needsInputGrad(2) ? toTensor(gradStart, tags) : null,
        needsInputGrad(3) ? toTensor(gradEnd, tags) : null);
  }

  private static Tensor toTensor(double[] values, int... shape) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return Tensor.wrap(out, shape);
  }
}
