package org.seqlearn.audio.midi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlearn.audio.Fixtures;

/** The mido-written fixtures of tools/gen_midi_fixtures.py and their expected contents. */
final class MidiFixtures {
  private MidiFixtures() {}

  /** A note as mido reads it, with its onset in seconds. */
  record Expected(Note note, double onsetSeconds) {}

  static Path midi(String name) {
    return Fixtures.path("midi/" + name + ".mid");
  }

  static List<Expected> notes(String name) {
    List<Expected> out = new ArrayList<>();
    for (String line : lines(name + ".notes.tsv")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.add(new Expected(new Note(i(f[0]), i(f[1]), i(f[2]), i(f[3]), i(f[4]),
          Long.parseLong(f[5]), Long.parseLong(f[6])), Double.parseDouble(f[7])));
    }
    return out;
  }

  static List<TempoChange> tempos(String name) {
    List<TempoChange> out = new ArrayList<>();
    for (String line : lines(name + ".meta.tsv")) {
      String[] f = line.split("\t");
      if (f[0].equals("tempo")) {
        out.add(new TempoChange(Long.parseLong(f[1]), i(f[2])));
      }
    }
    return out;
  }

  static List<TimeSignature> signatures(String name) {
    List<TimeSignature> out = new ArrayList<>();
    for (String line : lines(name + ".meta.tsv")) {
      String[] f = line.split("\t");
      if (f[0].equals("timesig")) {
        out.add(new TimeSignature(Long.parseLong(f[1]), i(f[2]), i(f[3]), i(f[4]), i(f[5])));
      }
    }
    return out;
  }

  private static List<String> lines(String rel) {
    try {
      return Files.readAllLines(Fixtures.path("midi/" + rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int i(String s) {
    return Integer.parseInt(s);
  }
}
