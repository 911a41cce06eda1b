package org.seqlearn.audio.midi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The event-token encoding of Performance RNN (Oore et al. 2018), also used by Music Transformer:
 * 128 NOTE_ON, 128 NOTE_OFF, 100 TIME_SHIFT (10 ms to 1 s in 10 ms steps) and 32 VELOCITY tokens,
 * {@link #VOCABULARY} = 388 in all.
 *
 * <p>Token ids: note-on of pitch p is p, note-off is 128 + p, a shift of k steps (1-100) is
 * 255 + k, velocity bin b (0-31) is 356 + b. Velocity v falls in bin (v − 1) / 4 and a bin
 * decodes to its lowest velocity 1 + 4b, as in Magenta. Times are rounded to 10 ms. A VELOCITY
 * token is written only when the bin changes; longer gaps become several shifts. At one instant,
 * note-offs come before note-ons (so a repeated key is re-attacked), except the off of a note that
 * lasts under 5 ms, which follows its own on.
 *
 * <p>Decoding pairs note-offs with note-ons of the same pitch first-in, first-out, ignores an off
 * without an open note (sampled sequences may hold one), uses bin {@link #DEFAULT_VELOCITY_BIN}
 * until a velocity token comes, and ends notes still sounding at the last time reached.
 */
public final class PerformanceEvents {
  /** Time-shift resolution, in steps per second. */
  public static final int STEPS_PER_SECOND = 100;
  /** Longest single time shift, in steps. */
  public static final int MAX_SHIFT = 100;
  /** Number of velocity bins. */
  public static final int VELOCITY_BINS = 32;
  /** Id of the first NOTE_OFF token. */
  public static final int NOTE_OFF = 128;
  /** Id of the TIME_SHIFT token of one step. */
  public static final int TIME_SHIFT = 256;
  /** Id of the VELOCITY token of bin 0. */
  public static final int VELOCITY = TIME_SHIFT + MAX_SHIFT;
  /** Vocabulary size. */
  public static final int VOCABULARY = VELOCITY + VELOCITY_BINS;
  /** Velocity bin used by the decoder before any VELOCITY token. */
  public static final int DEFAULT_VELOCITY_BIN = 15;
  /** Latest note time {@link #encode} accepts, in seconds (24 hours). */
  public static final double MAX_SECONDS = 86_400;

  private PerformanceEvents() {}

  /** The bin of a velocity 1-127. */
  public static int velocityBin(int velocity) {
    return (velocity - 1) / 4;
  }

  /** The velocity a bin decodes to. */
  public static int binVelocity(int bin) {
    return 1 + 4 * bin;
  }

  /** Encodes notes as token ids; notes must end by {@link #MAX_SECONDS}. */
  public static int[] encode(List<PerformanceNote> notes) {
    List<long[]> events = new ArrayList<>(); // {step, order, token, velocity}
    for (PerformanceNote n : notes) {
      if (n.endSeconds() > MAX_SECONDS) {
        throw new IllegalArgumentException(
            "note ends at " + n.endSeconds() + " s, after the limit of " + MAX_SECONDS + " s");
      }
      long on = Math.round(n.startSeconds() * STEPS_PER_SECOND);
      long off = Math.round(n.endSeconds() * STEPS_PER_SECOND);
      events.add(new long[] {on, 1, n.pitch(), n.velocity()});
      events.add(new long[] {off, off == on ? 2 : 0, NOTE_OFF + n.pitch(), 0});
    }
    // stable: notes keep their given order within one instant and kind
    events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    List<Integer> out = new ArrayList<>();
    long now = 0;
    int bin = -1;
    for (long[] e : events) {
      for (long gap = e[0] - now; gap > 0; gap -= MAX_SHIFT) {
        out.add(TIME_SHIFT - 1 + (int) Math.min(gap, MAX_SHIFT));
      }
      now = e[0];
      if (e[2] < NOTE_OFF && velocityBin((int) e[3]) != bin) {
        bin = velocityBin((int) e[3]);
        out.add(VELOCITY + bin);
      }
      out.add((int) e[2]);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Decodes token ids to notes sorted by onset, then pitch.
   *
   * @throws IllegalArgumentException on an id outside 0..{@link #VOCABULARY}−1
   */
  public static List<PerformanceNote> decode(int[] tokens) {
    List<ArrayDeque<long[]>> open = new ArrayList<>();
    for (int p = 0; p < 128; p++) {
      open.add(new ArrayDeque<>());
    }
    List<PerformanceNote> out = new ArrayList<>();
    long now = 0;
    int bin = DEFAULT_VELOCITY_BIN;
    for (int i = 0; i < tokens.length; i++) {
      int t = tokens[i];
      if (t < 0 || t >= VOCABULARY) {
        throw new IllegalArgumentException("performance token " + i + " must be in 0.."
            + (VOCABULARY - 1) + ", got " + t);
      } else if (t < NOTE_OFF) {
        open.get(t).addLast(new long[] {now, binVelocity(bin)});
      } else if (t < TIME_SHIFT) {
        long[] on = open.get(t - NOTE_OFF).pollFirst();
        if (on != null) {
          out.add(note(t - NOTE_OFF, on, now));
        }
      } else if (t < VELOCITY) {
        now += t - TIME_SHIFT + 1;
      } else {
        bin = t - VELOCITY;
      }
    }
    for (int p = 0; p < 128; p++) {
      for (long[] on : open.get(p)) {
        out.add(note(p, on, now));
      }
    }
    out.sort(Comparator.comparingDouble(PerformanceNote::startSeconds)
        .thenComparingInt(PerformanceNote::pitch)
        .thenComparingDouble(PerformanceNote::endSeconds));
    return out;
  }

  /** The notes of a MIDI sequence in seconds, following its tempo map. */
  public static List<PerformanceNote> notesOf(MidiSequence seq) {
    List<PerformanceNote> out = new ArrayList<>();
    for (Note n : seq.notes()) {
      out.add(new PerformanceNote(n.pitch(), n.velocity(), seq.secondsAt(n.startTick()),
          seq.secondsAt(n.endTick())));
    }
    return out;
  }

  /**
   * A format-0 sequence of the notes at 120 bpm and 500 ticks per quarter (1 tick = 1 ms), on
   * track 0, channel 0, program 0.
   */
  public static MidiSequence toSequence(List<PerformanceNote> notes) {
    List<Note> out = new ArrayList<>();
    for (PerformanceNote n : notes) {
      long start = Math.round(n.startSeconds() * 1000);
      out.add(Note.of(n.pitch(), n.velocity(), start,
          Math.round(n.endSeconds() * 1000) - start));
    }
    return new MidiSequence(0, 500, out,
        List.of(new TempoChange(0, MidiSequence.DEFAULT_MICROS_PER_QUARTER)),
        List.of(TimeSignature.of(0, 4, 4)));
  }

  private static PerformanceNote note(int pitch, long[] on, long now) {
    return new PerformanceNote(pitch, (int) on[1], on[0] / (double) STEPS_PER_SECOND,
        now / (double) STEPS_PER_SECOND);
  }
}
