package org.seqlearn.layers.loss;

import java.util.Arrays;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Softmax cross-entropy from unnormalised logits and class-index targets, like PyTorch's {@code
 * torch.nn.functional.cross_entropy} with integer targets.
 *
 * <p>Shapes: logits {@code [N, C]} with targets {@code [N]}; or logits {@code [N, C, d1, ...]}
 * with targets {@code [N, d1, ...]} (PyTorch's layout, class axis 1, the default); or, with
 * {@link #withClassAxis(int) withClassAxis(-1)}, logits {@code [batch, time, C]} with targets
 * {@code [batch, time]}. In general the targets have the logits' shape without the class axis
 * (unbatched logits {@code [C]} take a scalar target {@code []}).
 *
 * <p>For a position with target {@code t}, class weights {@code w} (all ones by default), label
 * smoothing {@code ε} and {@code log p = logSoftmax(x)} over the classes:
 *
 * <pre>
 *   loss = (1 - ε) · (-w[t] · log p[t]) + (ε / C) · (-Σ_c w[c] · log p[c])
 * </pre>
 *
 * <p>Positions whose target equals the ignore index, or whose mask value is 0, contribute 0 and
 * are excluded from the mean: {@link Reduction#MEAN} divides the sum by {@code Σ w[t]} over the
 * counted positions (their number without weights), exactly like PyTorch (NaN when nothing
 * counts). {@link Reduction#NONE} returns a loss per position, shaped like the targets.
 *
 * <p>Instances are immutable; the {@code with...} methods return modified copies.
 *
 * <!-- given: Tensor logits, IntTensor targets -->
 * <pre>{@code
 * CrossEntropyLoss ce = new CrossEntropyLoss().withClassAxis(-1).withLabelSmoothing(0.1f);
 * Tensor loss = ce.apply(logits, targets);   // logits [batch, time, vocab], targets [batch, time]
 * loss.backward();
 * }</pre>
 */
public final class CrossEntropyLoss {

  /** PyTorch's default ignore index. */
  public static final int DEFAULT_IGNORE_INDEX = -100;

  private final Reduction reduction;
  private final int ignoreIndex;
  private final float labelSmoothing;
  private final float[] classWeights;
  private final int classAxis;

  /** Mean reduction, ignore index -100, no smoothing, no weights, class axis 1. */
  public CrossEntropyLoss() {
    this(Reduction.MEAN, DEFAULT_IGNORE_INDEX, 0f, null, 1);
  }

  private CrossEntropyLoss(Reduction reduction, int ignoreIndex, float labelSmoothing,
      float[] classWeights, int classAxis) {
    this.reduction = reduction;
    this.ignoreIndex = ignoreIndex;
    this.labelSmoothing = labelSmoothing;
    this.classWeights = classWeights;
    this.classAxis = classAxis;
  }

  /** A copy with the given reduction. */
  public CrossEntropyLoss withReduction(Reduction value) {
    if (value == null) {
      throw new IllegalArgumentException("reduction must not be null");
    }
    return new CrossEntropyLoss(value, ignoreIndex, labelSmoothing, classWeights, classAxis);
  }

  /** A copy whose positions with this target value are ignored (any int, e.g. a pad id). */
  public CrossEntropyLoss withIgnoreIndex(int value) {
    return new CrossEntropyLoss(reduction, value, labelSmoothing, classWeights, classAxis);
  }

  /**
   * A copy with label smoothing {@code ε} in {@code [0, 1]}: the target distribution becomes
   * {@code (1 - ε) · onehot(t) + ε / C}.
   */
  public CrossEntropyLoss withLabelSmoothing(float epsilon) {
    if (!(epsilon >= 0f && epsilon <= 1f)) {
      throw new IllegalArgumentException("label smoothing must be in [0, 1], got " + epsilon);
    }
    return new CrossEntropyLoss(reduction, ignoreIndex, epsilon, classWeights, classAxis);
  }

  /** A copy with a weight per class ({@code C} values, copied), or null for none. */
  public CrossEntropyLoss withClassWeights(float[] weights) {
    return new CrossEntropyLoss(reduction, ignoreIndex, labelSmoothing,
        weights == null ? null : weights.clone(), classAxis);
  }

  /**
   * A copy reading classes along {@code axis} of the logits (1 like PyTorch by default; -1 for
   * {@code [batch, time, C]}).
   */
  public CrossEntropyLoss withClassAxis(int axis) {
    return new CrossEntropyLoss(reduction, ignoreIndex, labelSmoothing, classWeights, axis);
  }

  /** The reduction. */
  public Reduction reduction() {
    return reduction;
  }

  /**
   * The loss of {@code logits} against class-index {@code targets}.
   *
   * @param logits unnormalised scores, e.g. {@code [N, C]} or {@code [batch, time, C]}
   * @param targets class indices in {@code [0, C)} (or the ignore index), shaped like the logits
   *     without the class axis
   * @return a scalar {@code []} for MEAN and SUM, else a tensor shaped like {@code targets}
   * @throws IllegalArgumentException on a shape mismatch or a target out of range
   */
  public Tensor apply(Tensor logits, IntTensor targets) {
    return apply(logits, targets, null);
  }

  /**
   * Like {@link #apply(Tensor, IntTensor)}, but positions where {@code mask} is 0 are treated as
   * ignored (e.g. padding of variable-length sequences).
   *
   * @param mask a float tensor shaped like {@code targets} (non-zero keeps a position), or null
   */
  public Tensor apply(Tensor logits, IntTensor targets, Tensor mask) {
    int[] shape = logits.shape();
    if (shape.length < 1) {
      throw new IllegalArgumentException("cross-entropy: logits must have a class axis, got shape "
          + Shape.format(shape));
    }
    int axis;
    try {
      // unbatched logits [C] with a scalar target, like PyTorch
      axis = shape.length == 1 ? 0 : Shape.axis(classAxis, shape.length);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cross-entropy: class axis " + classAxis
          + " is out of range for logits of shape " + Shape.format(shape), e);
    }
    int[] expected = new int[shape.length - 1];
    for (int d = 0, k = 0; d < shape.length; d++) {
      if (d != axis) {
        expected[k++] = shape[d];
      }
    }
    if (!Arrays.equals(expected, targets.shape())) {
      throw new IllegalArgumentException("cross-entropy: targets must have shape "
          + Shape.format(expected) + " for logits " + Shape.format(shape) + " (class axis "
          + axis + "), got " + Shape.format(targets.shape()));
    }
    if (mask != null && !Arrays.equals(expected, mask.shape())) {
      throw new IllegalArgumentException("cross-entropy: mask must have shape "
          + Shape.format(expected) + ", got " + Shape.format(mask.shape()));
    }
    int classes = shape[axis];
    if (classWeights != null && classWeights.length != classes) {
      throw new IllegalArgumentException("cross-entropy: expected " + classes
          + " class weights, got " + classWeights.length);
    }
    boolean[] counted = new boolean[targets.numel()];
    for (int p = 0; p < counted.length; p++) {
      int t = targets.at(p);
      boolean keep = t != ignoreIndex && (mask == null || mask.data()[p] != 0f);
      if (keep && (t < 0 || t >= classes)) {
        throw new IllegalArgumentException("cross-entropy: target " + t + " at position " + p
            + " is out of range, expected [0, " + classes + ") or the ignore index "
            + ignoreIndex);
      }
      counted[p] = keep;
    }
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    return new CrossEntropyFunction(targets, counted, classes, inner, classWeights,
        labelSmoothing, reduction).apply(logits);
  }
}
