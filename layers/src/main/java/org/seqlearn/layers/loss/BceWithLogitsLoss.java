package org.seqlearn.layers.loss;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Binary cross-entropy on logits, numerically stable, like PyTorch's {@code
 * binary_cross_entropy_with_logits}. With {@code x} the logit, {@code y} the target probability
 * and {@code pw} the positive-class weight (1 by default):
 *
 * <pre>
 *   loss = (1 - y) · x + (1 + (pw - 1) · y) · log(1 + exp(-x))
 * </pre>
 *
 * <p>evaluated as {@code log(exp(-m) + exp(-x - m)) + m} with {@code m = max(-x, 0)}. The
 * positive weights broadcast along the last axis ({@code C} values for inputs {@code [..., C]}).
 * Both the logits and the targets may require gradients.
 */
public final class BceWithLogitsLoss {

  private final Reduction reduction;
  private final float[] posWeight;

  /** Mean reduction, no positive weights. */
  public BceWithLogitsLoss() {
    this(Reduction.MEAN, null);
  }

  /**
   * The given reduction and positive-class weights.
   *
   * @param posWeight one weight per entry of the last axis (copied), or null for none
   */
  public BceWithLogitsLoss(Reduction reduction, float[] posWeight) {
    if (reduction == null) {
      throw new IllegalArgumentException("reduction must not be null");
    }
    this.reduction = reduction;
    this.posWeight = posWeight == null ? null : posWeight.clone();
  }

  /**
   * The loss of {@code logits} against {@code targets} in {@code [0, 1]}.
   *
   * @param logits any shape {@code [..., C]}
   * @param targets same shape as the logits
   * @return a scalar {@code []} for MEAN and SUM, else a tensor shaped like {@code logits}
   * @throws IllegalArgumentException if the shapes differ or the positive weights do not match
   *     the last axis
   */
  public Tensor apply(Tensor logits, Tensor targets) {
    int[] shape = logits.shape();
    if (!Arrays.equals(shape, targets.shape())) {
      throw new IllegalArgumentException("bce: target shape " + Shape.format(targets.shape())
          + " must equal logits shape " + Shape.format(shape));
    }
    int last = shape.length == 0 ? 1 : shape[shape.length - 1];
    if (posWeight != null && posWeight.length != last && posWeight.length != 1) {
      throw new IllegalArgumentException("bce: expected 1 or " + last
          + " positive weights (the last axis of " + Shape.format(shape) + "), got "
          + posWeight.length);
    }
    return new Node(reduction, posWeight, last).apply(logits, targets);
  }

  private static final class Node extends Function {
    private final Reduction reduction;
    private final float[] posWeight;
    private final int last;
    private float[] x;
    private float[] y;
    private int[] shape;

    Node(Reduction reduction, float[] posWeight, int last) {
      this.reduction = reduction;
      this.posWeight = posWeight;
      this.last = last;
    }

    @Override
    public String name() {
      return "bceWithLogits";
    }

    private double pw(int i) {
      if (posWeight == null) {
        return 1.0;
      }
      return posWeight.length == 1 ? posWeight[0] : posWeight[i % last];
    }

    /** {@code log(1 + exp(-x))}, stable. */
    private static double softplusNeg(double v) {
      double m = Math.max(-v, 0);
      return Math.log(Math.exp(-m) + Math.exp(-v - m)) + m;
    }

    @Override
    protected Tensor[] forward(Tensor... in) {
      x = in[0].data();
      y = in[1].data();
      shape = in[0].shape();
      float[] loss = new float[x.length];
      double total = 0;
      for (int i = 0; i < x.length; i++) {
        double logWeight = 1 + (pw(i) - 1) * y[i];
        double v = (1 - y[i]) * (double) x[i] + logWeight * softplusNeg(x[i]);
        loss[i] = (float) v;
        total += v;
      }
      return out(reduction.reduce(loss, shape, total, x.length));
    }

    @Override
    protected Tensor[] backward(Tensor... gradOut) {
      float[] g = gradOut[0].data();
      double scale = reduction.gradientScale(x.length);
      float[] dx = needsInputGrad(0) ? new float[x.length] : null;
      float[] dy = needsInputGrad(1) ? new float[x.length] : null;
      for (int i = 0; i < x.length; i++) {
        double gi = scale * (reduction == Reduction.NONE ? g[i] : g[0]);
        double pwi = pw(i);
        if (dx != null) {
          // d/dx = (1 - y) - (1 + (pw - 1) y) · sigmoid(-x)
          double sigNeg = 1.0 / (1.0 + Math.exp(x[i]));
          dx[i] = (float) (gi * ((1 - y[i]) - (1 + (pwi - 1) * y[i]) * sigNeg));
        }
        if (dy != null) {
          dy[i] = (float) (gi * (-x[i] + (pwi - 1) * softplusNeg(x[i])));
        }
      }
      return out(dx == null ? null : Tensor.wrap(dx, shape),
          dy == null ? null : Tensor.wrap(dy, shape));
    }
  }
}
