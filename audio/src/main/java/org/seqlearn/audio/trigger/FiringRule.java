package org.seqlearn.audio.trigger;

/**
 * The course's firing rule ({@code chime_on_activate}): a counter grows by one every output step; a
 * step fires when its probability exceeds the threshold and the counter exceeds the refractory
 * period, and firing resets the counter to 0. The counter starts at 0, so nothing fires in the
 * first {@code refractory} steps of a stream.
 */
public final class FiringRule {
  private final float threshold;
  private final int refractorySteps;
  private long sinceFired;

  /**
   * @param threshold fire when the probability is above this, in {@code (0, 1)}
   * @param refractorySteps fire only when more than this many steps passed since the last firing
   */
  public FiringRule(float threshold, int refractorySteps) {
    if (!(threshold > 0 && threshold < 1) || refractorySteps < 0) {
      throw new IllegalArgumentException(
          "need threshold in (0, 1) and refractorySteps >= 0, got "
              + threshold
              + ", "
              + refractorySteps);
    }
    this.threshold = threshold;
    this.refractorySteps = refractorySteps;
  }

  /** Takes the next step's probability; returns whether it fires. */
  public boolean offer(float probability) {
    sinceFired++;
    if (probability > threshold && sinceFired > refractorySteps) {
      sinceFired = 0;
      return true;
    }
    return false;
  }
}
