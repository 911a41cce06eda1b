package org.seqlearn.audio.midi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.seqlearn.core.io.AtomicFiles;

/**
 * Writes a {@link MidiSequence} as a Standard MIDI File that {@link MidiReader} reads back to the
 * same sequence.
 *
 * <p>Format 1: track 0 holds the tempo and time-signature events and the notes of track 0, each
 * further track the notes with that track index. Format 0: everything in one track (the notes'
 * track indices are not kept). A program change is written before a note-on whenever the
 * channel's program in that track differs; at one tick, meta events come first, then note-offs,
 * then program changes and note-ons in note order (a zero-length note's off follows its on).
 * Running status is used. Files are written atomically.
 */
public final class MidiWriter {
  private MidiWriter() {}

  /** Writes the sequence to {@code path} (atomically: never a half-written file). */
  public static void write(Path path, MidiSequence seq) throws IOException {
    AtomicFiles.writeBytes(path, encode(seq));
  }

  /** The bytes of the sequence as a MIDI file. */
  public static byte[] encode(MidiSequence seq) {
    int tracks = 1;
    if (seq.format() == 1) {
      for (Note n : seq.notes()) {
        tracks = Math.max(tracks, n.track() + 1);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) seq.format(),
        (byte) (tracks >> 8), (byte) tracks, (byte) (seq.ticksPerQuarter() >> 8),
        (byte) seq.ticksPerQuarter()});
    for (int t = 0; t < tracks; t++) {
      byte[] body = track(seq, t);
      out.writeBytes(new byte[] {'M', 'T', 'r', 'k', (byte) (body.length >>> 24),
          (byte) (body.length >>> 16), (byte) (body.length >>> 8), (byte) body.length});
      out.writeBytes(body);
    }
    return out.toByteArray();
  }

  /** One event: tick, order at that tick, then the bytes after the delta time. */
  private record Event(long tick, int order, byte[] bytes) {}

  private static byte[] track(MidiSequence seq, int track) {
    List<Event> events = new ArrayList<>();
    if (track == 0) {
      for (TempoChange c : seq.tempos()) {
        int m = c.microsPerQuarter();
        events.add(new Event(c.tick(), 0,
            new byte[] {(byte) 0xFF, 0x51, 3, (byte) (m >> 16), (byte) (m >> 8), (byte) m}));
      }
      for (TimeSignature s : seq.timeSignatures()) {
        events.add(new Event(s.tick(), 0, new byte[] {(byte) 0xFF, 0x58, 4,
            (byte) s.numerator(), (byte) Integer.numberOfTrailingZeros(s.denominator()),
            (byte) s.clocksPerClick(), (byte) s.thirtySecondsPerQuarter()}));
      }
    }
    List<Note> notes = new ArrayList<>();
    for (Note n : seq.notes()) {
      if (seq.format() == 0 || n.track() == track) {
        notes.add(n);
      }
    }
    int[] program = new int[16];
    for (Note n : notes) {
      if (program[n.channel()] != n.program()) {
        program[n.channel()] = n.program();
        events.add(new Event(n.startTick(), 3,
            new byte[] {(byte) (0xC0 | n.channel()), (byte) n.program()}));
      }
      events.add(new Event(n.startTick(), 3,
          new byte[] {(byte) (0x90 | n.channel()), (byte) n.pitch(), (byte) n.velocity()}));
      events.add(new Event(n.endTick(), n.durationTicks() == 0 ? 4 : 1,
          new byte[] {(byte) (0x80 | n.channel()), (byte) n.pitch(), 64}));
    }
    // A stable sort keeps the notes' order among events of one tick and kind.
    events.sort(Comparator.comparingLong(Event::tick).thenComparingInt(Event::order));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long tick = 0;
    int running = -1;
    for (Event e : events) {
      writeVlq(out, e.tick() - tick);
      tick = e.tick();
      int status = e.bytes()[0] & 0xFF;
      int skip = status == running ? 1 : 0;
      out.write(e.bytes(), skip, e.bytes().length - skip);
      running = status < 0xF0 ? status : -1;
    }
    out.writeBytes(new byte[] {0, (byte) 0xFF, 0x2F, 0});
    return out.toByteArray();
  }

  private static void writeVlq(ByteArrayOutputStream out, long value) {
    if (value > 0x0FFFFFFF) {
      throw new IllegalArgumentException(
          "delta time " + value + " ticks exceeds the MIDI maximum of 268435455");
    }
    int shift = 21;
    while (shift > 0 && (value >> shift) == 0) {
      shift -= 7;
    }
    for (; shift > 0; shift -= 7) {
      out.write((int) (0x80 | (value >> shift) & 0x7F));
    }
    out.write((int) (value & 0x7F));
  }
}
