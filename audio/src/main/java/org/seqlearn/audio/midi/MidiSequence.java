package org.seqlearn.audio.midi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The musical content of a Standard MIDI File: its notes, tempo map and time signatures.
 *
 * <p>Notes are kept sorted by onset, then pitch, channel and track; tempo changes and time
 * signatures by tick. With no tempo change at tick 0 the MIDI default of 120 bpm applies there.
 *
 * @param format 0 (one track) or 1 (parallel tracks)
 * @param ticksPerQuarter the file's division, ticks per quarter note (1-32767)
 * @param notes the notes
 * @param tempos set-tempo events
 * @param timeSignatures time-signature events
 */
public record MidiSequence(
    int format, int ticksPerQuarter, List<Note> notes, List<TempoChange> tempos,
    List<TimeSignature> timeSignatures) {

  /** Default tempo of a MIDI file without a set-tempo event at tick 0 (120 bpm). */
  public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

  /** Order of {@link #notes()}. */
  public static final Comparator<Note> NOTE_ORDER = Comparator.comparingLong(Note::startTick)
      .thenComparingInt(Note::pitch).thenComparingInt(Note::channel)
      .thenComparingInt(Note::track).thenComparingLong(Note::durationTicks)
      .thenComparingInt(Note::velocity).thenComparingInt(Note::program);

  /** Checks the format and division, and copies and sorts the lists. */
  public MidiSequence {
    if (format != 0 && format != 1) {
      throw new IllegalArgumentException("MIDI format must be 0 or 1, got " + format);
    }
    if (ticksPerQuarter < 1 || ticksPerQuarter > 0x7FFF) {
      throw new IllegalArgumentException(
          "ticks per quarter must be in 1..32767, got " + ticksPerQuarter);
    }
    List<Note> n = new ArrayList<>(notes);
    n.sort(NOTE_ORDER);
    notes = List.copyOf(n);
    List<TempoChange> t = new ArrayList<>(tempos);
    t.sort(Comparator.comparingLong(TempoChange::tick));
    tempos = List.copyOf(t);
    List<TimeSignature> s = new ArrayList<>(timeSignatures);
    s.sort(Comparator.comparingLong(TimeSignature::tick));
    timeSignatures = List.copyOf(s);
  }

  /** A format-1 sequence of notes at a constant tempo in 4/4. */
  public static MidiSequence of(int ticksPerQuarter, double bpm, List<Note> notes) {
    int micros = (int) Math.round(60_000_000.0 / bpm);
    return new MidiSequence(1, ticksPerQuarter, notes, List.of(new TempoChange(0, micros)),
        List.of(TimeSignature.of(0, 4, 4)));
  }

  /** Seconds from the start of the file to {@code tick}, following the tempo map. */
  public double secondsAt(long tick) {
    double seconds = 0;
    long at = 0;
    int micros = DEFAULT_MICROS_PER_QUARTER;
    for (TempoChange c : tempos) {
      if (c.tick() >= tick) {
        break;
      }
      seconds += (c.tick() - at) * (double) micros / (1e6 * ticksPerQuarter);
      at = c.tick();
      micros = c.microsPerQuarter();
    }
    return seconds + (tick - at) * (double) micros / (1e6 * ticksPerQuarter);
  }

  /** The tick of the last note-off (0 without notes). */
  public long endTick() {
    long end = 0;
    for (Note n : notes) {
      end = Math.max(end, n.endTick());
    }
    return end;
  }
}
