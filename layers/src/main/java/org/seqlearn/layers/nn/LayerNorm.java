package org.seqlearn.layers.nn;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Layer normalisation, PyTorch's {@code nn.LayerNorm}: each sample is normalised over its last
 * {@code k} dims (those of {@code normalizedShape}) to zero mean and unit (biased) variance,
 * {@code y = (x - mean) / √(var + eps) * weight + bias}. Parameters {@code weight} (ones) and
 * {@code bias} (zeros), both shaped {@code normalizedShape}, when elementwise affine. Input
 * {@code [..., *normalizedShape]}, output the same shape.
 */
public final class LayerNorm extends Layer {

  private final int[] normalizedShape;
  private final float eps;
  private final Tensor weight;
  private final Tensor bias;

  /** eps 1e-5, with the affine parameters. */
  public LayerNorm(int... normalizedShape) {
    this(normalizedShape, 1e-5f, true);
  }

  /**
   * @param normalizedShape the trailing dims normalised over, e.g. {@code {features}}
   * @param eps added to the variance
   * @param elementwiseAffine whether to learn {@code weight} and {@code bias}
   */
  public LayerNorm(int[] normalizedShape, float eps, boolean elementwiseAffine) {
    if (normalizedShape.length == 0) {
      throw new IllegalArgumentException("normalizedShape needs at least one dim, got []");
    }
    for (int d : normalizedShape) {
      Checks.positive("normalizedShape dim", d);
    }
    if (!(eps > 0f)) {
      throw new IllegalArgumentException("eps must be > 0, got " + eps);
    }
    this.normalizedShape = normalizedShape.clone();
    this.eps = eps;
    weight = elementwiseAffine ? registerParameter("weight", Tensor.ones(normalizedShape)) : null;
    bias = elementwiseAffine ? registerParameter("bias", Tensor.zeros(normalizedShape)) : null;
  }

  /** {@code [..., *normalizedShape]} in, same shape out. */
  @Override
  public Tensor forward(Tensor x) {
    int k = normalizedShape.length;
    int[] shape = x.shape();
    if (shape.length < k
        || !Arrays.equals(Arrays.copyOfRange(shape, shape.length - k, shape.length),
            normalizedShape)) {
      throw new IllegalArgumentException("LayerNorm: expected input [..., "
          + Shape.format(normalizedShape).replaceAll("[\\[\\]]", "") + "], got "
          + Shape.format(shape));
    }
    int[] axes = new int[k];
    for (int i = 0; i < k; i++) {
      axes[i] = shape.length - k + i;
    }
    Tensor centred = x.sub(x.mean(axes, true));
    Tensor var = centred.mul(centred).mean(axes, true);
    Tensor y = centred.div(var.add(eps).sqrt());
    if (weight != null) {
      y = y.mul(weight).add(bias);
    }
    return y;
  }

  /** {@code weight} shaped {@code normalizedShape}, or null without affine parameters. */
  public Tensor weight() {
    return weight;
  }

  /** {@code bias} shaped {@code normalizedShape}, or null without affine parameters. */
  public Tensor bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "LayerNorm(" + Shape.format(normalizedShape) + ", eps=" + eps + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code LayerNorm}. */
  @Override
  public LayerNorm train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code LayerNorm}. */
  @Override
  public LayerNorm train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code LayerNorm}. */
  @Override
  public LayerNorm eval() {
    return train(false);
  }
}
