package org.seqlearn.layers.loss;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Mean squared error {@code (input - target)²}, like PyTorch's {@code mse_loss}: averaged over
 * all elements ({@link Reduction#MEAN}, the default), summed, or kept per element ({@link
 * Reduction#NONE}, shaped like the input). Both arguments may require gradients.
 */
public final class MseLoss {

  private final Reduction reduction;

  /** Mean reduction. */
  public MseLoss() {
    this(Reduction.MEAN);
  }

  /** The given reduction. */
  public MseLoss(Reduction reduction) {
    if (reduction == null) {
      throw new IllegalArgumentException("reduction must not be null");
    }
    this.reduction = reduction;
  }

  /**
   * The loss of {@code input} against {@code target}.
   *
   * @param input predictions, any shape
   * @param target values of the same shape
   * @return a scalar {@code []} for MEAN and SUM, else a tensor shaped like {@code input}
   * @throws IllegalArgumentException if the shapes differ
   */
  public Tensor apply(Tensor input, Tensor target) {
    if (!Arrays.equals(input.shape(), target.shape())) {
      throw new IllegalArgumentException("mse: target shape " + Shape.format(target.shape())
          + " must equal input shape " + Shape.format(input.shape()));
    }
    return new Node(reduction).apply(input, target);
  }

  private static final class Node extends Function {
    private final Reduction reduction;
    private float[] diff;
    private int[] shape;

    Node(Reduction reduction) {
      this.reduction = reduction;
    }

    @Override
    public String name() {
      return "mse";
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      float[] x = in[0].data();
      float[] y = in[1].data();
      shape = in[0].shape();
      diff = new float[x.length];
      float[] sq = new float[x.length];
      double total = 0;
      for (int i = 0; i < x.length; i++) {
        diff[i] = x[i] - y[i];
        sq[i] = diff[i] * diff[i];
        total += sq[i];
      }
      return out(reduction.reduce(sq, shape, total, x.length));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      double scale = 2.0 * reduction.gradientScale(diff.length);
      float[] dx = new float[diff.length];
      for (int i = 0; i < diff.length; i++) {
        dx[i] = (float) (scale * (reduction == Reduction.NONE ? g[i] : g[0]) * diff[i]);
      }
      Tensor dTarget = null;
      if (needsInputGrad(1)) {
        float[] dy = new float[dx.length];
        for (int i = 0; i < dy.length; i++) {
          dy[i] = -dx[i];
        }
        dTarget = Tensor.wrap(dy, shape);
      }
      return out(needsInputGrad(0) ? Tensor.wrap(dx, shape) : null, dTarget);
    }
  }
}
