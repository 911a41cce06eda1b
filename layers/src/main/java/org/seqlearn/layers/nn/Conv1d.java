package org.seqlearn.layers.nn;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.init.Initializers;

/**
 * A 1-D convolution (cross-correlation), PyTorch's {@code nn.Conv1d} with zero padding and one
 * group: parameters {@code weight [out, in, K]} and {@code bias [out]}, both initialised {@code
 * U(±1/√(in * K))} as PyTorch does. Input {@code [N, in, L]}, output {@code [N, out, Lout]} with
 * {@code Lout = floor((L + 2 padding - dilation (K - 1) - 1) / stride) + 1}.
 *
 * <p>Computed as im2col (patches {@code [N, Lout, in * K]}) followed by one GEMM with the
 * flattened weight {@code [out, in * K]}, so the backward pass is two GEMMs and a col2im.
 */
public final class Conv1d extends Layer {

  private final int inChannels;
  private final int outChannels;
  private final int kernelSize;
  private final int stride;
  private final int padding;
  private final int dilation;
  private final Tensor weight;
  private final Tensor bias;

  /**
   * Stride 1, no padding, dilation 1, with a bias; the seed is drawn from {@link GlobalSeed}.
   */
  public Conv1d(int inChannels, int outChannels, int kernelSize) {
    this(inChannels, outChannels, kernelSize, 1, 0, 1, true, GlobalSeed.nextSeed());
  }

  /**
   * @param stride step between output positions, {@code >= 1}
   * @param padding zeros added at both ends, {@code >= 0}
   * @param dilation spacing between kernel taps, {@code >= 1}
   * @param bias whether to add a learned bias
   * @param seed seed of the initial weights
   */
  public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding,
      int dilation, boolean bias, long seed) {
    this.inChannels = Checks.positive("inChannels", inChannels);
    this.outChannels = Checks.positive("outChannels", outChannels);
    this.kernelSize = Checks.positive("kernelSize", kernelSize);
    this.stride = Checks.positive("stride", stride);
    this.dilation = Checks.positive("dilation", dilation);
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
    this.padding = padding;
    Rng rng = new Rng(seed);
    int fanIn = inChannels * kernelSize;
    weight = registerParameter("weight",
        Initializers.torchDefault(rng, fanIn, outChannels, inChannels, kernelSize));
    this.bias = bias
        ? registerParameter("bias", Initializers.torchDefault(rng, fanIn, outChannels))
        : null;
  }

  /**
   * {@code [N, in, L] -> [N, out, Lout]}.
   *
   * @throws IllegalArgumentException on another shape or an input too short for the kernel
   */
  @Override
  public Tensor forward(Tensor x) {
    if (x.rank() != 3 || x.dim(1) != inChannels) {
      throw new IllegalArgumentException("Conv1d: expected input [N, " + inChannels
          + ", L], got " + Shape.format(x.shape()));
    }
    int outLength = Im2Col.outputLength(x.dim(2), kernelSize, stride, padding, dilation);
    if (outLength < 1) {
      throw new IllegalArgumentException("Conv1d: input length " + x.dim(2) + " with padding "
          + padding + " is shorter than the dilated kernel " + (dilation * (kernelSize - 1) + 1));
    }
    Tensor cols = new Im2Col(kernelSize, stride, padding, dilation).apply(x);
    Tensor y = cols.matmul(weight.reshape(outChannels, inChannels * kernelSize), false, true);
    if (bias != null) {
      y = y.add(bias);
    }
    return y.transpose(1, 2);
  }

  /** {@code weight [out, in, K]}. */
  public Tensor weight() {
    return weight;
  }

  /** {@code bias [out]}, or null without a bias. */
  public Tensor bias() {
    return bias;
  }

  @Override
  public String toString() {
    return "Conv1d(" + inChannels + ", " + outChannels + ", kernel=" + kernelSize + ", stride="
        + stride + ", padding=" + padding + ", dilation=" + dilation + ")";
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Conv1d}. */
  @Override
  public Conv1d train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Conv1d}. */
  @Override
  public Conv1d train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Conv1d}. */
  @Override
  public Conv1d eval() {
    return train(false);
  }
}
