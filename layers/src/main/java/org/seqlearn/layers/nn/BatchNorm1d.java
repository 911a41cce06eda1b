package org.seqlearn.layers.nn;

import org.seqlearn.core.GradMode;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Batch normalisation over the batch (and length) dims, PyTorch's {@code nn.BatchNorm1d}. Input
 * {@code [N, C]} or {@code [N, C, L]}, output the same shape; each channel {@code c} is
 * normalised {@code y = (x - mean_c) / √(var_c + eps) * weight_c + bias_c}.
 *
 * <p>In training mode mean and (biased) variance come from the batch, and the running estimates
 * are updated as {@code running = (1 - momentum) * running + momentum * batchStat}, with the
 * unbiased variance ({@code n / (n - 1)}) for {@code running_var}, as PyTorch does; {@code
 * num_batches_tracked} counts the updates. In eval mode the running estimates are used. State:
 * parameters {@code weight [C]} (ones) and {@code bias [C]} (zeros); buffers {@code running_mean
 * [C]} (zeros), {@code running_var [C]} (ones) and {@code num_batches_tracked []}.
 */
public final class BatchNorm1d extends Layer {

  private final int numFeatures;
  private final float eps;
  private final float momentum;
  private final Tensor weight;
  private final Tensor bias;
  private final Tensor runningMean;
  private final Tensor runningVar;
  private final Tensor numBatchesTracked;

  /** eps 1e-5, momentum 0.1, affine, tracking running statistics. */
  public BatchNorm1d(int numFeatures) {
    this(numFeatures, 1e-5f, 0.1f, true);
  }

  /**
   * @param eps added to the variance, {@code > 0}
   * @param momentum weight of the new batch in the running estimates, in {@code [0, 1]}
   * @param affine whether to learn {@code weight} and {@code bias}
   */
  public BatchNorm1d(int numFeatures, float eps, float momentum, boolean affine) {
    this.numFeatures = Checks.positive("numFeatures", numFeatures);
    if (!(eps > 0f) || !(momentum >= 0f && momentum <= 1f)) {
      throw new IllegalArgumentException("eps must be > 0 and momentum in [0, 1], got eps="
          + eps + ", momentum=" + momentum);
    }
    this.eps = eps;
    this.momentum = momentum;
    weight = affine ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
    bias = affine ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
    runningMean = registerBuffer("running_mean", Tensor.zeros(numFeatures));
    runningVar = registerBuffer("running_var", Tensor.ones(numFeatures));
    numBatchesTracked = registerBuffer("num_batches_tracked", Tensor.zeros());
  }

  /**
   * {@code [N, C]} or {@code [N, C, L]} in, same shape out.
   *
   * @throws IllegalArgumentException on another shape, or in training with one value per channel
   */
  @Override
  public Tensor forward(Tensor x) {
    if ((x.rank() != 2 && x.rank() != 3) || x.dim(1) != numFeatures) {
      throw new IllegalArgumentException("BatchNorm1d(" + numFeatures + "): expected input [N, "
          + numFeatures + "] or [N, " + numFeatures + ", L], got " + Shape.format(x.shape()));
    }
    boolean threeD = x.rank() == 3;
    int[] axes = threeD ? new int[] {0, 2} : new int[] {0};
    int[] statShape = threeD ? new int[] {1, numFeatures, 1} : new int[] {1, numFeatures};
    Tensor mean;
    Tensor var;
    if (isTraining()) {
      int n = x.numel() / numFeatures;
      if (n < 2) {
        throw new IllegalArgumentException("BatchNorm1d: training needs more than 1 value per "
            + "channel, got input " + Shape.format(x.shape()));
      }
      mean = x.mean(axes, true);
      Tensor centred = x.sub(mean);
      var = centred.mul(centred).mean(axes, true);
      updateRunningStats(mean, var, n);
      Tensor y = centred.div(var.add(eps).sqrt());
      return affine(y, statShape);
    }
    mean = runningMean.reshape(statShape);
    var = runningVar.reshape(statShape);
    return affine(x.sub(mean).div(var.add(eps).sqrt()), statShape);
  }

  private Tensor affine(Tensor y, int[] statShape) {
    if (weight == null) {
      return y;
    }
    return y.mul(weight.reshape(statShape)).add(bias.reshape(statShape));
  }

  private void updateRunningStats(Tensor mean, Tensor var, int n) {
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      float[] m = mean.data();
      float[] v = var.data();
      float[] rm = runningMean.data();
      float[] rv = runningVar.data();
      double unbias = n / (n - 1.0);
      for (int c = 0; c < numFeatures; c++) {
        rm[c] = (1 - momentum) * rm[c] + momentum * m[c];
        rv[c] = (float) ((1 - momentum) * rv[c] + momentum * v[c] * unbias);
      }
      numBatchesTracked.data()[0] += 1f;
    }
  }

  /** {@code weight [C]}, or null when not affine. */
  public Tensor weight() {
    return weight;
  }

  /** {@code bias [C]}, or null when not affine. */
  public Tensor bias() {
    return bias;
  }

  /** The live {@code running_mean [C]} buffer. */
  public Tensor runningMean() {
    return runningMean;
  }

  /** The live {@code running_var [C]} buffer. */
  public Tensor runningVar() {
    return runningVar;
  }

  /** How many training batches have updated the running estimates. */
  public long numBatchesTracked() {
    return (long) numBatchesTracked.data()[0];
  }

  @Override
  public String toString() {
    return "BatchNorm1d(" + numFeatures + ", eps=" + eps + ", momentum=" + momentum + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code BatchNorm1d}. */
  @Override
  public BatchNorm1d train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code BatchNorm1d}. */
  @Override
  public BatchNorm1d train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code BatchNorm1d}. */
  @Override
  public BatchNorm1d eval() {
    return train(false);
  }
}
