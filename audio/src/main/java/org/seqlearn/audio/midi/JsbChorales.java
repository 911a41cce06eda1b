package org.seqlearn.audio.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.io.Json;

/**
 * The JSB Chorales benchmark of Boulanger-Lewandowski et al. (2012) as 88-key piano rolls, one per
 * piece, at quarter-note steps: key {@code k} is MIDI pitch {@code 21 + k} as written in the file.
 *
 * <p>The file ({@code jsb-chorales-quarter.json}) is one JSON object with the keys {@code train},
 * {@code valid} and {@code test}; each a list of pieces, each piece a list of steps, each step the
 * list of sounding MIDI pitches ({@code []} a rest). Its pitches are one octave above concert
 * pitch: transpose by {@link #LISTENING_TRANSPOSE} before writing MIDI meant for listening.
 *
 * @param train training pieces
 * @param valid validation pieces
 * @param test test pieces
 */
public record JsbChorales(List<PianoRoll> train, List<PianoRoll> valid, List<PianoRoll> test) {
  /** Semitones to add to the file's pitches to sound at concert pitch. */
  public static final int LISTENING_TRANSPOSE = -12;
  /** Largest file accepted. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private static final int MAX_JSON_VALUES = 20_000_000;

  /** Copies the lists. */
  public JsbChorales {
    train = List.copyOf(train);
    valid = List.copyOf(valid);
    test = List.copyOf(test);
  }

  /** Reads the JSON file; errors name the file. */
  public static JsbChorales read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(path + ": expected a JSB Chorales JSON file of at most "
          + MAX_FILE_BYTES + " bytes, found " + size + " bytes");
    }
    try {
      return parse(Files.readAllBytes(path));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** Parses the JSON text of the file. */
  public static JsbChorales parse(byte[] json) {
    Object root = Json.parse(json, 0, json.length, 4, MAX_JSON_VALUES);
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected a JSON object with train, valid and test, "
          + "found " + kind(root));
    }
    for (Object key : map.keySet()) {
      if (!List.of("train", "valid", "test").contains(key)) {
        throw new IllegalArgumentException(
            "expected only the keys train, valid and test, found \"" + key + "\"");
      }
    }
    return new JsbChorales(split(map, "train"), split(map, "valid"), split(map, "test"));
  }

  /** The pieces of a split by name: train, valid or test. */
  public List<PianoRoll> split(String name) {
    return switch (name) {
      case "train" -> train;
      case "valid" -> valid;
      case "test" -> test;
      default -> throw new IllegalArgumentException(
          "expected split train, valid or test, got \"" + name + "\"");
    };
  }

  /** Total time steps of a list of pieces. */
  public static int steps(List<PianoRoll> pieces) {
    int n = 0;
    for (PianoRoll r : pieces) {
      n += r.steps();
    }
    return n;
  }

  private static List<PianoRoll> split(Map<?, ?> map, String name) {
    Object pieces = map.get(name);
    if (!(pieces instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "expected split \"" + name + "\" as a list of pieces, found " + kind(pieces));
    }
    List<PianoRoll> out = new ArrayList<>();
    for (int p = 0; p < list.size(); p++) {
      String where = name + " piece " + p;
      if (!(list.get(p) instanceof List<?> steps)) {
        throw new IllegalArgumentException(
            "expected " + where + " as a list of steps, found " + kind(list.get(p)));
      }
      PianoRoll roll = PianoRoll.piano(steps.size());
      for (int s = 0; s < steps.size(); s++) {
        if (!(steps.get(s) instanceof List<?> pitches)) {
          throw new IllegalArgumentException("expected " + where + " step " + s
              + " as a list of pitches, found " + kind(steps.get(s)));
        }
        for (Object pitch : pitches) {
          roll.set(s, key(pitch, where + " step " + s), true);
        }
      }
      out.add(roll);
    }
    return out;
  }

  private static int key(Object pitch, String where) {
    String text = pitch instanceof Json.JsonNumber n ? n.text() : null;
    int lo = PianoRoll.PIANO_LOWEST;
    int hi = lo + PianoRoll.PIANO_KEYS - 1;
    if (text == null || !text.matches("-?[0-9]{1,3}")
        || Integer.parseInt(text) < lo || Integer.parseInt(text) > hi) {
      throw new IllegalArgumentException("expected " + where + " to hold integer pitches "
          + lo + ".." + hi + ", found " + (text == null ? kind(pitch) : text));
    }
    return Integer.parseInt(text) - lo;
  }

  private static String kind(Object v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "a list";
    }
    return v instanceof String s ? "the string \"" + s + "\"" : String.valueOf(v);
  }
}
