package org.seqlearn.audio.midi;

/** The time step of a {@link PianoRoll}: how many steps a quarter note holds. */
public enum RollStep {
  QUARTER(1),
  EIGHTH(2),
  SIXTEENTH(4);

  private final int perQuarter;

  RollStep(int perQuarter) {
    this.perQuarter = perQuarter;
  }

  /** Steps in one quarter note. */
  public int perQuarter() {
    return perQuarter;
  }

  /** The step holding {@code tick} (nearest step boundary, halves rounded up). */
  public long stepOf(long tick, int ticksPerQuarter) {
    return Math.floorDiv(2 * tick * perQuarter + ticksPerQuarter, 2L * ticksPerQuarter);
  }

  /** The tick where {@code step} starts (rounded down when a step is not a whole tick count). */
  public long tickOf(long step, int ticksPerQuarter) {
    return step * ticksPerQuarter / perQuarter;
  }
}
