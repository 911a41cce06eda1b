package org.seqlearn.audio.midi;

/**
 * A set-tempo meta event (FF 51).
 *
 * @param tick where the new tempo starts
 * @param microsPerQuarter length of a quarter note in microseconds (500000 = 120 bpm)
 */
public record TempoChange(long tick, int microsPerQuarter) {

  /** Checks the ranges (the event holds 24 bits). */
  public TempoChange {
    if (tick < 0 || microsPerQuarter <= 0 || microsPerQuarter > 0xFFFFFF) {
      throw new IllegalArgumentException(
          "tempo change needs tick >= 0 and 1..16777215 us per quarter, got tick " + tick
              + ", " + microsPerQuarter + " us");
    }
  }

  /** Beats (quarter notes) per minute. */
  public double bpm() {
    return 60_000_000.0 / microsPerQuarter;
  }
}
