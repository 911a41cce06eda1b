package org.seqlearn.layers.loss;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Connectionist Temporal Classification loss, like PyTorch's {@code ctc_loss}: the negative log
 * of the total probability of all alignments of each target sequence to its input frames, by the
 * forward-backward algorithm in log space (double precision).
 *
 * <p>Inputs are log-probabilities (e.g. from {@code logSoftmax(-1)}) of shape {@code [T, N, C]}
 * (time, batch, classes, PyTorch's layout), or {@code [N, T, C]} with {@link
 * #withBatchFirst(boolean) withBatchFirst(true)}. Targets are class indices other than the blank,
 * either padded {@code [N, S]} or concatenated {@code [Σ targetLengths]}. Sample {@code b} uses
 * frames {@code [0, inputLengths[b])} and its first {@code targetLengths[b]} labels.
 *
 * <p>Reductions: {@link Reduction#NONE} gives the loss per sample {@code [N]}; {@link
 * Reduction#SUM} their sum; {@link Reduction#MEAN} (default) divides each loss by its target
 * length (at least 1), then averages over the batch. An impossible alignment (input too short)
 * gives {@code +∞}, or 0 with a zero gradient when {@link #withZeroInfinity(boolean)} is set.
 *
 * <p>The gradient is PyTorch's: {@code exp(logProbs[t, c]) - posterior[t, c]} for frames inside
 * the input length (0 outside), where the posterior is the fraction of alignment probability
 * emitting {@code c} at {@code t}. This is the exact gradient with respect to the logits once
 * back-propagated through a log-softmax (the form CTC is meant to be used in), not the partial
 * derivative with respect to unconstrained log-probabilities.
 */
public final class CtcLoss {

  private final int blank;
  private final Reduction reduction;
  private final boolean zeroInfinity;
  private final boolean batchFirst;

  /** Blank 0, mean reduction, no zero-infinity, time-major input. */
  public CtcLoss() {
    this(0, Reduction.MEAN, false, false);
  }

  private CtcLoss(int blank, Reduction reduction, boolean zeroInfinity, boolean batchFirst) {
    this.blank = blank;
    this.reduction = reduction;
    this.zeroInfinity = zeroInfinity;
    this.batchFirst = batchFirst;
  }

  /** A copy with the given blank class index. */
  public CtcLoss withBlank(int value) {
    return new CtcLoss(value, reduction, zeroInfinity, batchFirst);
  }

  /** A copy with the given reduction. */
  public CtcLoss withReduction(Reduction value) {
    if (value == null) {
      throw new IllegalArgumentException("reduction must not be null");
    }
    return new CtcLoss(blank, value, zeroInfinity, batchFirst);
  }

  /** A copy that replaces infinite losses (and their gradients) by zero. */
  public CtcLoss withZeroInfinity(boolean value) {
    return new CtcLoss(blank, reduction, value, batchFirst);
  }

  /** A copy reading inputs as {@code [N, T, C]} instead of {@code [T, N, C]}. */
  public CtcLoss withBatchFirst(boolean value) {
    return new CtcLoss(blank, reduction, zeroInfinity, value);
  }

  /**
   * The CTC loss.
   *
   * @param logProbs log-probabilities {@code [T, N, C]} (or {@code [N, T, C]} when batch-first)
   * @param targets labels {@code [N, S]} (padded) or {@code [Σ targetLengths]} (concatenated),
   *     each in {@code [0, C)} and not the blank
   * @param inputLengths {@code N} frame counts in {@code [1, T]}
   * @param targetLengths {@code N} label counts, each {@code >= 0} (and {@code <= S} if padded)
   * @return a scalar {@code []} for MEAN and SUM, else the per-sample losses {@code [N]}
   * @throws IllegalArgumentException if shapes, lengths or labels are inconsistent
   */
  public Tensor apply(Tensor logProbs, IntTensor targets, int[] inputLengths,
      int[] targetLengths) {
    int[] shape = logProbs.shape();
    if (shape.length != 3) {
      throw new IllegalArgumentException("ctc: log-probs must be " + (batchFirst ? "[N, T, C]"
          : "[T, N, C]") + ", got shape " + Shape.format(shape));
    }
    int time = batchFirst ? shape[1] : shape[0];
    int batch = batchFirst ? shape[0] : shape[1];
    int classes = shape[2];
    if (blank < 0 || blank >= classes) {
      throw new IllegalArgumentException("ctc: blank " + blank + " is out of range [0, "
          + classes + ")");
    }
    if (inputLengths.length != batch || targetLengths.length != batch) {
      throw new IllegalArgumentException("ctc: expected " + batch + " input and target lengths, "
          + "got " + inputLengths.length + " and " + targetLengths.length);
    }
    int[] starts = new int[batch];
    int total = 0;
    for (int b = 0; b < batch; b++) {
      if (inputLengths[b] < 1 || inputLengths[b] > time) {
        throw new IllegalArgumentException("ctc: input length " + inputLengths[b] + " of sample "
            + b + " must be in [1, " + time + "]");
      }
      if (targetLengths[b] < 0) {
        throw new IllegalArgumentException("ctc: target length " + targetLengths[b]
            + " of sample " + b + " is negative");
      }
      starts[b] = total;
      total += targetLengths[b];
    }
    if (targets.rank() == 2) {
      int[] ts = targets.shape();
      if (ts[0] != batch) {
        throw new IllegalArgumentException("ctc: padded targets must have " + batch
            + " rows, got shape " + Shape.format(ts));
      }
      for (int b = 0; b < batch; b++) {
        if (targetLengths[b] > ts[1]) {
          throw new IllegalArgumentException("ctc: target length " + targetLengths[b]
              + " of sample " + b + " exceeds the padded target width " + ts[1]);
        }
        starts[b] = b * ts[1];
      }
    } else if (targets.rank() == 1) {
      if (targets.numel() < total) {
        throw new IllegalArgumentException("ctc: concatenated targets need " + total
            + " labels (the sum of the target lengths), got " + targets.numel());
      }
    } else {
      throw new IllegalArgumentException("ctc: targets must be [N, S] or [sum of lengths], got "
          + "shape " + Shape.format(targets.shape()));
    }
    int[][] labels = new int[batch][];
    for (int b = 0; b < batch; b++) {
      labels[b] = new int[targetLengths[b]];
      for (int k = 0; k < targetLengths[b]; k++) {
        int label = targets.at(starts[b] + k);
        if (label < 0 || label >= classes || label == blank) {
          throw new IllegalArgumentException("ctc: label " + label + " (sample " + b
              + ", position " + k + ") must be in [0, " + classes + ") and not the blank "
              + blank);
        }
        labels[b][k] = label;
      }
    }
    return new CtcFunction(labels, inputLengths.clone(), blank, reduction, zeroInfinity,
        batchFirst).apply(logProbs);
  }
}
