package org.seqlearn.nlp.lm;

import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.decode.SamplingDistribution;

/**
 * Turns one step's logits into the distribution a token is drawn from (temperature, top-k,
 * top-p, excluded ids) and draws it. All arithmetic is in double precision.
 *
 * @deprecated the logic lives in {@link SamplingDistribution} (package
 *     {@code org.seqlearn.layers.decode}), which every autoregressive model shares; this class
 *     only forwards to it.
 */
@Deprecated
public final class NextTokenDistribution {

  private NextTokenDistribution() {}

  /**
   * The sampling distribution for {@code logits} {@code [V]}.
   *
   * @param excluded ids that must never be drawn (e.g. padding); may be empty
   * @return probabilities {@code [V]} that add up to 1, zero outside the kept tokens
   * @throws IllegalArgumentException if every id is excluded or a logit is NaN
   */
  public static double[] probabilities(float[] logits, SamplingOptions options, int... excluded) {
    return new SamplingDistribution(logits.length, options.temperature(), options.topK(),
        options.topP(), excluded).probabilities(logits, 0, -1).clone();
  }

  /**
   * Draws an id from {@code probabilities} {@code [V]} (non-negative, adding up to about 1) by
   * inverting the cumulative distribution at one uniform number from {@code rng}.
   */
  public static int sample(double[] probabilities, Rng rng) {
    return SamplingDistribution.draw(probabilities, rng.nextDouble());
  }
}
