package org.seqlearn.audio.trigger;

/**
 * The course's labels: {@code y⟨t⟩ = 1} for the {@code width} output steps strictly after the step
 * in which a trigger word ends ({@code insert_ones}).
 *
 * <p>A trigger ending at millisecond {@code e} of a clip of {@code durationMs} ends in output step
 * {@code ⌊e·Ty / durationMs⌋}; steps {@code end+1 … end+width} (those below {@code Ty}) become 1.
 */
public final class TriggerLabels {
  private final int outputSteps;
  private final int durationMs;
  private final int width;

  /**
   * @param outputSteps Ty, the model's output steps per clip (1375 in the course)
   * @param durationMs clip length in milliseconds (10 000 in the course)
   * @param width steps set to 1 after each trigger (50 in the course)
   */
  public TriggerLabels(int outputSteps, int durationMs, int width) {
    if (outputSteps < 1 || durationMs < 1 || width < 1) {
      throw new IllegalArgumentException(
          "outputSteps, durationMs and width must be >= 1, got "
              + outputSteps
              + ", "
              + durationMs
              + ", "
              + width);
    }
    this.outputSteps = outputSteps;
    this.durationMs = durationMs;
    this.width = width;
  }

  /** The course's setting: Ty = 1375 steps over 10 s, 50 steps of ones. */
  public static TriggerLabels course() {
    return new TriggerLabels(1375, 10_000, 50);
  }

  /** Ty. */
  public int outputSteps() {
    return outputSteps;
  }

  /** Steps marked after each trigger. */
  public int width() {
    return width;
  }

  /** The output step containing millisecond {@code ms}: {@code ⌊ms·Ty / durationMs⌋}. */
  public int stepOf(int ms) {
    return (int) ((long) ms * outputSteps / durationMs);
  }

  /**
   * Marks the steps after a trigger that ends at {@code endMs}.
   *
   * @param y labels {@code [Ty]}, changed in place
   * @param endMs last millisecond of the trigger word
   */
  public void markAfter(float[] y, int endMs) {
    if (y.length != outputSteps) {
      throw new IllegalArgumentException(
          "labels must have Ty=" + outputSteps + " steps, got " + y.length);
    }
    int end = stepOf(endMs);
    for (int i = end + 1; i <= end + width && i < outputSteps; i++) {
      y[i] = 1f;
    }
  }
}
