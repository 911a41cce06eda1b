package org.seqlearn.audio.music;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.loss.BceWithLogitsLoss;
import org.seqlearn.layers.loss.Reduction;

/**
 * The JSB Chorales metric: negative log-likelihood per scored time step, in nats. The frame loss
 * of a step with targets {@code y} and probabilities {@code p = sigmoid(logits)} is
 * {@code -Σₖ [yₖ log pₖ + (1 - yₖ) log(1 - pₖ)]}, summed over the keys; the metric is its mean over
 * all scored steps of a split (every step but each piece's first).
 */
public final class FrameNll {
  private static final BceWithLogitsLoss BCE = new BceWithLogitsLoss(Reduction.NONE, null);

  private FrameNll() {}

  /**
   * The training loss: frame losses summed over keys, averaged over the batch's scored steps.
   *
   * @param logits {@code [N, T, keys]} from {@link PolyphonicModel#forward}
   * @return a scalar {@code []}, differentiable in the logits
   */
  public static Tensor loss(Tensor logits, RollBatch batch) {
    return BCE.apply(logits, batch.targets()).mul(batch.mask()).sum()
        .div((float) batch.scoredSteps());
  }

  /**
   * The sum of the frame losses of the scored steps, accumulated in double.
   *
   * @param logits {@code [N, T, keys]}
   */
  public static double sum(Tensor logits, RollBatch batch) {
    float[] x = logits.data();
    float[] y = batch.targets().data();
    float[] m = batch.mask().data();
    if (x.length != y.length) {
      throw new IllegalArgumentException("expected " + y.length + " logits, got " + x.length);
    }
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      if (m[i] != 0f) {
        // -log sigmoid(x) for a sounding key, -log(1 - sigmoid(x)) = -log sigmoid(-x) otherwise
        double v = y[i] != 0f ? -x[i] : x[i];
        total += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
    }
    return total;
  }

  /**
   * The metric on a list of pieces, the model in evaluation mode and without gradients.
   *
   * @param batchSize pieces per forward pass (the result does not depend on it)
   * @return nats per scored step
   */
  public static double evaluate(PolyphonicModel model, List<PianoRoll> pieces, int batchSize) {
    boolean wasTraining = model.isTraining();
    model.eval();
    double total = 0;
    long steps = 0;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      for (int from = 0; from < pieces.size(); from += batchSize) {
        List<PianoRoll> chunk = new ArrayList<>(
            pieces.subList(from, Math.min(pieces.size(), from + batchSize)));
        RollBatch batch = RollBatch.of(chunk);
        total += sum(model.forward(batch.inputs(), batch.lengths()), batch);
        steps += batch.scoredSteps();
      }
    } finally {
      model.train(wasTraining);
    }
    return total / steps;
  }
}
