package org.seqlearn.audio.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which keys sound at each time step: a binary matrix of shape [steps, keys], key {@code k} being
 * MIDI pitch {@code lowestPitch + k}. The 88-key roll of the piano starts at pitch 21 (A0).
 *
 * <p>From notes, a note sounds in the steps from its rounded onset up to (not including) its
 * rounded offset, and in at least one step. Back to notes, each run of consecutive sounding steps
 * of a key is one note: two notes of one key that touch become one (a roll cannot show the
 * re-attack), and velocities, channels and programs are not kept.
 */
public final class PianoRoll {
  /** Lowest pitch of the 88-key piano (A0). */
  public static final int PIANO_LOWEST = 21;
  /** Keys of the piano. */
  public static final int PIANO_KEYS = 88;
  /** Most steps a roll may have (bounds memory for hostile input). */
  public static final int MAX_STEPS = 200_000;

  private final int steps;
  private final int lowestPitch;
  private final int keys;
  private final boolean[] on;

  /** An all-silent roll. */
  public PianoRoll(int steps, int lowestPitch, int keys) {
    if (steps < 0 || steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          "piano roll steps must be in 0.." + MAX_STEPS + ", got " + steps);
    }
    if (keys < 1 || lowestPitch < 0 || lowestPitch + keys > 128) {
      throw new IllegalArgumentException("piano roll keys must lie in MIDI pitches 0..127, got "
          + keys + " keys from pitch " + lowestPitch);
    }
    this.steps = steps;
    this.lowestPitch = lowestPitch;
    this.keys = keys;
    this.on = new boolean[steps * keys];
  }

  /** An all-silent 88-key piano roll. */
  public static PianoRoll piano(int steps) {
    return new PianoRoll(steps, PIANO_LOWEST, PIANO_KEYS);
  }

  /**
   * The roll of notes at a step; it ends with the last note-off.
   *
   * @throws IllegalArgumentException if a note's pitch is outside the roll's keys or the roll
   *     would exceed {@link #MAX_STEPS}
   */
  public static PianoRoll fromNotes(
      List<Note> notes, int ticksPerQuarter, RollStep step, int lowestPitch, int keys) {
    long end = 0;
    for (Note n : notes) {
      end = Math.max(end, Math.max(step.stepOf(n.endTick(), ticksPerQuarter),
          step.stepOf(n.startTick(), ticksPerQuarter) + 1));
    }
    if (end > MAX_STEPS) {
      throw new IllegalArgumentException("piano roll of " + end + " " + step
          + " steps exceeds the maximum of " + MAX_STEPS);
    }
    PianoRoll roll = new PianoRoll((int) end, lowestPitch, keys);
    for (Note n : notes) {
      int key = n.pitch() - lowestPitch;
      if (key < 0 || key >= keys) {
        throw new IllegalArgumentException("note pitch " + n.pitch() + " outside the roll's "
            + "pitches " + lowestPitch + ".." + (lowestPitch + keys - 1) + ": " + n);
      }
      long from = step.stepOf(n.startTick(), ticksPerQuarter);
      long to = Math.max(from + 1, step.stepOf(n.endTick(), ticksPerQuarter));
      for (long s = from; s < to; s++) {
        roll.on[(int) s * keys + key] = true;
      }
    }
    return roll;
  }

  /** The 88-key roll of a sequence's notes at a step. */
  public static PianoRoll fromSequence(MidiSequence seq, RollStep step) {
    return fromNotes(seq.notes(), seq.ticksPerQuarter(), step, PIANO_LOWEST, PIANO_KEYS);
  }

  /**
   * One note per run of sounding steps (track 0, channel 0, program 0), sorted as in {@link
   * MidiSequence#notes()}.
   */
  public List<Note> toNotes(int ticksPerQuarter, RollStep step, int velocity) {
    List<Note> out = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      int s = 0;
      while (s < steps) {
        if (!get(s, k)) {
          s++;
          continue;
        }
        int from = s;
        while (s < steps && get(s, k)) {
          s++;
        }
        long start = step.tickOf(from, ticksPerQuarter);
        out.add(Note.of(lowestPitch + k, velocity, start,
            step.tickOf(s, ticksPerQuarter) - start));
      }
    }
    out.sort(MidiSequence.NOTE_ORDER);
    return out;
  }

  /** Number of time steps. */
  public int steps() {
    return steps;
  }

  /** MIDI pitch of key 0. */
  public int lowestPitch() {
    return lowestPitch;
  }

  /** Number of keys. */
  public int keys() {
    return keys;
  }

  /** Whether key {@code key} (pitch {@code lowestPitch + key}) sounds at {@code step}. */
  public boolean get(int step, int key) {
    return on[index(step, key)];
  }

  /** Sets whether key {@code key} sounds at {@code step}. */
  public void set(int step, int key, boolean sounding) {
    on[index(step, key)] = sounding;
  }

  /** The roll as 0/1 values, row-major [steps, keys]. */
  public float[] toFloats() {
    float[] out = new float[on.length];
    for (int i = 0; i < on.length; i++) {
      out[i] = on[i] ? 1f : 0f;
    }
    return out;
  }

  private int index(int step, int key) {
    if (step < 0 || step >= steps || key < 0 || key >= keys) {
      throw new IndexOutOfBoundsException(
          "step " + step + ", key " + key + " outside a roll of " + steps + " x " + keys);
    }
    return step * keys + key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PianoRoll r && r.steps == steps && r.lowestPitch == lowestPitch
        && r.keys == keys && Arrays.equals(r.on, on);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(on) * 31 + steps * 7 + lowestPitch * 3 + keys;
  }

  @Override
  public String toString() {
    return "PianoRoll[" + steps + " steps x " + keys + " keys from pitch " + lowestPitch + "]";
  }
}
