package org.seqlearn.layers.nn;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.init.Initializers;

/**
 * A fully connected layer {@code y = x Wᵀ + b}, PyTorch's {@code nn.Linear}: parameters {@code
 * weight [out, in]} and {@code bias [out]}, both initialised {@code U(±1/√in)} as PyTorch does.
 * Input {@code [..., in]}, output {@code [..., out]}: any leading dims (batch, time) are kept.
 */
public final class Linear extends Layer {

  private final int inFeatures;
  private final int outFeatures;
  private final Tensor weight;
  private final Tensor bias;

  /** With a bias; the seed is drawn from {@link GlobalSeed}. */
  public Linear(int inFeatures, int outFeatures) {
    this(inFeatures, outFeatures, true, GlobalSeed.nextSeed());
  }

  /**
   * @param bias whether to add a learned bias
   * @param seed seed of the initial weights
   */
  public Linear(int inFeatures, int outFeatures, boolean bias, long seed) {
    this.inFeatures = Checks.positive("inFeatures", inFeatures);
    this.outFeatures = Checks.positive("outFeatures", outFeatures);
    Rng rng = new Rng(seed);
    weight = registerParameter("weight",
        Initializers.torchDefault(rng, inFeatures, outFeatures, inFeatures));
    this.bias = bias
        ? registerParameter("bias", Initializers.torchDefault(rng, inFeatures, outFeatures))
        : null;
  }

  /** {@code [..., in] -> [..., out]}. */
  @Override
  public Tensor forward(Tensor x) {
    Checks.lastDim("Linear(" + inFeatures + ", " + outFeatures + ")", x, inFeatures);
    int[] shape = x.shape();
    Tensor flat = x.rank() == 2 ? x : x.reshape(-1, inFeatures);
    Tensor y = flat.matmul(weight, false, true);
    if (bias != null) {
      y = y.add(bias);
    }
    if (x.rank() != 2) {
      shape[shape.length - 1] = outFeatures;
      y = y.reshape(shape);
    }
    return y;
  }

  /** {@code weight [out, in]}. */
  public Tensor weight() {
    return weight;
  }

  /** {@code bias [out]}, or null without a bias. */
  public Tensor bias() {
    return bias;
  }

  /** Features of one input, {@code in}. */
  public int inFeatures() {
    return inFeatures;
  }

  /** Features of one output, {@code out}. */
  public int outFeatures() {
    return outFeatures;
  }

  @Override
  public String toString() {
    return "Linear(" + inFeatures + ", " + outFeatures + ", bias=" + (bias != null) + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Linear}. */
  @Override
  public Linear train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Linear}. */
  @Override
  public Linear train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Linear}. */
  @Override
  public Linear eval() {
    return train(false);
  }
}
