package org.seqlearn.audio.trigger;

import java.util.List;

/**
 * One synthesised training example: the mixed audio and its per-step labels.
 *
 * @param audio mono samples {@code [durationMs·sampleRate/1000]}, RMS-normalised
 * @param sampleRate samples per second
 * @param labels {@code y} of shape {@code [Ty]}, 1 after each trigger word, else 0
 * @param triggers where the trigger words were inserted, in insertion order
 * @param negatives where the negative words were inserted, in insertion order
 */
public record TrainingExample(
    float[] audio,
    int sampleRate,
    float[] labels,
    List<Segment> triggers,
    List<Segment> negatives) {
  /** Copies the lists. */
  public TrainingExample {
    triggers = List.copyOf(triggers);
    negatives = List.copyOf(negatives);
  }
}
