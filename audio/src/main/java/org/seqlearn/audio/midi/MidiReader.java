package org.seqlearn.audio.midi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Standard MIDI Files, format 0 and 1, with a bounded parser of its own.
 *
 * <p>Every length in the file (chunk lengths, variable-length quantities, meta and sysex
 * lengths) is checked against the bytes actually present before it is used, and nothing is
 * allocated in proportion to a declared size, so a hostile file fails with a {@link
 * MidiFormatException} naming the byte offset, never with an out-of-memory or a hang. Running
 * status is honoured; meta and sysex events cancel it. A note-on of velocity 0 is a note-off.
 * Overlapping notes of one key on one channel are paired first-in, first-out; notes still sounding
 * at the end of their track end there. A note's program is the last program change on its
 * channel earlier in the same track (0 without one). Each track must end with an end-of-track
 * meta event (its absence means the track was truncated). Unknown chunk types are skipped, as the
 * standard asks. SMPTE time division and format 2 are refused.
 */
public final class MidiReader {
  /** Largest file accepted by {@link #read(Path)}. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private final byte[] in;
  private final String source;
  private final List<Note> notes = new ArrayList<>();
  private final List<TempoChange> tempos = new ArrayList<>();
  private final List<TimeSignature> signatures = new ArrayList<>();
  private int[] programs;

  private MidiReader(byte[] in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Reads a MIDI file; errors name the file. */
  public static MidiSequence read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new MidiFormatException(path.toString(), 0,
          "a file of at most " + MAX_FILE_BYTES + " bytes", size + " bytes");
    }
    return new MidiReader(Files.readAllBytes(path), path.toString()).parse();
  }

  /** Decodes the bytes of a whole MIDI file. */
  public static MidiSequence decode(byte[] file) {
    return new MidiReader(file, null).parse();
  }

  private MidiSequence parse() {
    need(0, 14, "a 14-byte MThd header");
    expectTag(0, "MThd");
    long headerLength = u32(4);
    if (headerLength < 6 || headerLength > in.length - 8) {
      throw error(4, "header length 6.." + (in.length - 8), "" + headerLength);
    }
    int format = u16(8);
    int tracks = u16(10);
    int division = u16(12);
    if (format != 0 && format != 1) {
      throw error(8, "format 0 or 1", "" + format);
    }
    if (format == 0 && tracks != 1) {
      throw error(10, "1 track in a format-0 file", "" + tracks);
    }
    if ((division & 0x8000) != 0) {
      throw error(12, "ticks per quarter note (SMPTE timing is not supported)",
          String.format("0x%04X", division));
    }
    if (division == 0) {
      throw error(12, "ticks per quarter note >= 1", "0");
    }
    int pos = (int) (8 + headerLength);
    int track = 0;
    while (track < tracks) {
      need(pos, 8, "an 8-byte chunk header for track " + track + " of " + tracks);
      long length = u32(pos + 4);
      if (length > in.length - pos - 8) {
        throw error(pos + 4, "chunk length <= " + (in.length - pos - 8) + " (bytes left)",
            "" + length);
      }
      int body = pos + 8;
      int end = (int) (body + length);
      if (tag(pos).equals("MTrk")) {
        readTrack(track++, body, end);
      }
      pos = end;
    }
    return new MidiSequence(format, division, notes, tempos, signatures);
  }

  private void readTrack(int track, int pos, int end) {
    Map<Integer, ArrayDeque<long[]>> open = new HashMap<>();
    programs = new int[16];
    long tick = 0;
    int running = -1;
    while (true) {
      if (pos >= end) {
        throw error(pos, "an end-of-track meta event (FF 2F 00) in track " + track,
            "the end of the chunk");
      }
      long[] vlq = vlq(pos, end, "a delta time");
      tick += vlq[0];
      pos = (int) vlq[1];
      need(pos, 1, "a status byte", end);
      int status = in[pos] & 0xFF;
      if (status == 0xFF) {
        need(pos + 1, 1, "a meta event type", end);
        int type = in[pos + 1] & 0xFF;
        long[] len = vlq(pos + 2, end, "a meta event length");
        int body = (int) len[1];
        if (len[0] > end - body) {
          throw error(pos + 2, "meta event length <= " + (end - body) + " (bytes left in track)",
              "" + len[0]);
        }
        meta(type, tick, body, (int) len[0]);
        running = -1;
        pos = body + (int) len[0];
        if (type == 0x2F) {
          closeAll(open, track, tick);
          return;
        }
      } else if (status == 0xF0 || status == 0xF7) {
        long[] len = vlq(pos + 1, end, "a sysex length");
        int body = (int) len[1];
        if (len[0] > end - body) {
          throw error(pos + 1, "sysex length <= " + (end - body) + " (bytes left in track)",
              "" + len[0]);
        }
        running = -1;
        pos = body + (int) len[0];
      } else if (status >= 0xF0) {
        throw error(pos, "a channel, meta (FF) or sysex (F0/F7) event", hex(status));
      } else {
        if (status >= 0x80) {
          running = status;
          pos++;
        } else if (running < 0) {
          throw error(pos, "a status byte (running status is not in effect)", hex(status));
        }
        int dataBytes = (running & 0xF0) == 0xC0 || (running & 0xF0) == 0xD0 ? 1 : 2;
        need(pos, dataBytes, dataBytes + " data byte(s) of " + hex(running), end);
        for (int i = 0; i < dataBytes; i++) {
          if ((in[pos + i] & 0x80) != 0) {
            throw error(pos + i, "a data byte < 0x80", hex(in[pos + i] & 0xFF));
          }
        }
        channelEvent(open, track, tick, running, in[pos], dataBytes == 2 ? in[pos + 1] : 0);
        pos += dataBytes;
      }
    }
  }

  private void channelEvent(
      Map<Integer, ArrayDeque<long[]>> open, int track, long tick, int status, int d1, int d2) {
    int channel = status & 0x0F;
    int kind = status & 0xF0;
    if (kind == 0xC0) {
      programs[channel] = d1;
    } else if (kind == 0x90 && d2 > 0) {
      open.computeIfAbsent(channel * 128 + d1, k -> new ArrayDeque<>())
          .addLast(new long[] {tick, d2, programs[channel]});
    } else if (kind == 0x80 || kind == 0x90) {
      ArrayDeque<long[]> q = open.get(channel * 128 + d1);
      if (q != null && !q.isEmpty()) {
        long[] on = q.removeFirst();
        notes.add(new Note(track, channel, (int) on[2], d1, (int) on[1], on[0], tick - on[0]));
      }
    }
  }

  private void closeAll(Map<Integer, ArrayDeque<long[]>> open, int track, long tick) {
    for (Map.Entry<Integer, ArrayDeque<long[]>> e : open.entrySet()) {
      for (long[] on : e.getValue()) {
        int key = e.getKey();
        notes.add(new Note(track, key / 128, (int) on[2], key % 128, (int) on[1], on[0],
            tick - on[0]));
      }
    }
  }

  private void meta(int type, long tick, int body, int length) {
    if (type == 0x51) {
      if (length != 3) {
        throw error(body, "a 3-byte set-tempo event", length + " bytes");
      }
      int micros = (in[body] & 0xFF) << 16 | (in[body + 1] & 0xFF) << 8 | in[body + 2] & 0xFF;
      if (micros == 0) {
        throw error(body, "a tempo > 0 microseconds per quarter", "0");
      }
      tempos.add(new TempoChange(tick, micros));
    } else if (type == 0x58) {
      if (length != 4) {
        throw error(body, "a 4-byte time-signature event", length + " bytes");
      }
      int power = in[body + 1] & 0xFF;
      if (in[body] == 0 || power > 30) {
        throw error(body, "numerator >= 1 and denominator power <= 30",
            (in[body] & 0xFF) + "/2^" + power);
      }
      signatures.add(new TimeSignature(tick, in[body] & 0xFF, 1 << power, in[body + 2] & 0xFF,
          in[body + 3] & 0xFF));
    }
  }

  /** Reads a variable-length quantity (at most 4 bytes) at pos; returns {value, next pos}. */
  private long[] vlq(int pos, int end, String what) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      if (pos + i >= end) {
        throw error(pos + i, "byte " + (i + 1) + " of " + what + " (variable-length quantity)",
            "the end of the track");
      }
      int b = in[pos + i] & 0xFF;
      value = value << 7 | (b & 0x7F);
      if ((b & 0x80) == 0) {
        return new long[] {value, pos + i + 1};
      }
    }
    throw error(pos, what + " of at most 4 bytes", "a continuation bit in its 4th byte");
  }

  private void need(int pos, int n, String what) {
    need(pos, n, what, in.length);
  }

  private void need(int pos, int n, String what, int end) {
    if (pos < 0 || (long) pos + n > end) {
      throw error(pos, what, (end - Math.min(pos, end)) + " bytes left");
    }
  }

  private void expectTag(int pos, String want) {
    String got = tag(pos);
    if (!got.equals(want)) {
      throw error(pos, "'" + want + "'", "'" + got.replaceAll("[^ -~]", "?") + "'");
    }
  }

  private String tag(int pos) {
    return new String(in, pos, 4, StandardCharsets.ISO_8859_1);
  }

  private long u32(int pos) {
    return (long) u16(pos) << 16 | u16(pos + 2);
  }

  private int u16(int pos) {
    return (in[pos] & 0xFF) << 8 | in[pos + 1] & 0xFF;
  }

  private static String hex(int b) {
    return String.format("0x%02X", b);
  }

  private MidiFormatException error(long offset, String expected, String found) {
    return new MidiFormatException(source, offset, expected, found);
  }
}
