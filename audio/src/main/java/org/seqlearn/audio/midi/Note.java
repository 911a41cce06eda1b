package org.seqlearn.audio.midi;

/**
 * One sounding note of a MIDI file, timed in ticks (see {@link MidiSequence#ticksPerQuarter()}).
 *
 * @param track index of the track chunk the note came from (0 for format 0)
 * @param channel MIDI channel 0-15
 * @param program General MIDI program 0-127 in effect on the channel at the note-on
 * @param pitch MIDI key 0-127 (60 = middle C)
 * @param velocity note-on velocity 1-127
 * @param startTick onset, in ticks from the start of the file
 * @param durationTicks ticks from the note-on to its note-off (may be 0)
 */
public record Note(
    int track, int channel, int program, int pitch, int velocity, long startTick,
    long durationTicks) {

  /** Checks every field's range. */
  public Note {
    check("track", track, 0, 65535);
    check("channel", channel, 0, 15);
    check("program", program, 0, 127);
    check("pitch", pitch, 0, 127);
    check("velocity", velocity, 1, 127);
    if (startTick < 0 || durationTicks < 0) {
      throw new IllegalArgumentException(
          "note ticks must be >= 0, got start " + startTick + " duration " + durationTicks);
    }
  }

  /** A note on track 0, channel 0, program 0 (acoustic grand piano). */
  public static Note of(int pitch, int velocity, long startTick, long durationTicks) {
    return new Note(0, 0, 0, pitch, velocity, startTick, durationTicks);
  }

  /** The tick of the note-off. */
  public long endTick() {
    return startTick + durationTicks;
  }

  private static void check(String what, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(
          "note " + what + " must be in " + lo + ".." + hi + ", got " + value);
    }
  }
}
