package org.seqlearn.audio.midi;

/**
 * A note timed in seconds, as the {@link PerformanceEvents} encoding sees it.
 *
 * @param pitch MIDI key 0-127
 * @param velocity 1-127
 * @param startSeconds onset
 * @param endSeconds offset, not before the onset
 */
public record PerformanceNote(int pitch, int velocity, double startSeconds, double endSeconds) {

  /** Checks the ranges. */
  public PerformanceNote {
    if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127) {
      throw new IllegalArgumentException(
          "pitch must be 0..127 and velocity 1..127, got " + pitch + ", " + velocity);
    }
    if (!(startSeconds >= 0) || !(endSeconds >= startSeconds) || Double.isInfinite(endSeconds)) {
      throw new IllegalArgumentException(
          "need 0 <= start <= end (finite), got " + startSeconds + ", " + endSeconds);
    }
  }
}
