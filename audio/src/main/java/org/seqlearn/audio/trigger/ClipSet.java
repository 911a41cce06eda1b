package org.seqlearn.audio.trigger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlearn.audio.resample.Resampler;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavReader;

/**
 * The raw material of trigger-word examples: trigger-word clips, negative-word clips and
 * backgrounds, all mono at one sample rate. Each clip is {@code float[samples]}.
 *
 * @param sampleRate samples per second of every clip
 * @param triggers clips of the trigger word
 * @param negatives clips of other words
 * @param backgrounds background recordings (at least as long as the examples to make)
 */
public record ClipSet(
    int sampleRate, List<float[]> triggers, List<float[]> negatives, List<float[]> backgrounds) {
  /** Validates and copies the lists (not the arrays). */
  public ClipSet {
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sample rate must be >= 1, got " + sampleRate);
    }
    triggers = List.copyOf(triggers);
    negatives = List.copyOf(negatives);
    backgrounds = List.copyOf(backgrounds);
    if (backgrounds.isEmpty()) {
      throw new IllegalArgumentException("a clip set needs at least one background, got none");
    }
  }

  /**
   * Loads the folder written by {@code tools/gen_trigger_clips.py}: its {@code manifest.tsv}
   * (header row, then path, kind = trigger|negative|background, …) and the WAV files it names,
   * mixed to mono and resampled to {@code sampleRate}.
   *
   * @throws IllegalArgumentException on a malformed manifest or a path leaving the folder
   */
  public static ClipSet load(Path dir, int sampleRate) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    List<String> lines = Files.readAllLines(root.resolve("manifest.tsv"), StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("path\tkind")) {
      throw new IllegalArgumentException(
          "manifest.tsv must start with the header 'path<TAB>kind…', got "
              + (lines.isEmpty() ? "an empty file" : "'" + lines.get(0) + "'"));
    }
    List<float[]> triggers = new ArrayList<>();
    List<float[]> negatives = new ArrayList<>();
    List<float[]> backgrounds = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        throw new IllegalArgumentException(
            "manifest.tsv line " + (i + 1) + ": expected path<TAB>kind, got '" + line + "'");
      }
      Path p = root.resolve(f[0]).normalize();
      if (!p.startsWith(root)) {
        throw new IllegalArgumentException(
            "manifest.tsv line " + (i + 1) + ": path must stay inside " + root + ", got " + f[0]);
      }
      List<float[]> into =
          switch (f[1]) {
            case "trigger" -> triggers;
            case "negative" -> negatives;
            case "background" -> backgrounds;
            default ->
                throw new IllegalArgumentException(
                    "manifest.tsv line "
                        + (i + 1)
                        + ": kind must be trigger, negative or background, got '"
                        + f[1]
                        + "'");
          };
      into.add(mono(WavReader.read(p), sampleRate));
    }
    return new ClipSet(sampleRate, triggers, negatives, backgrounds);
  }

  private static float[] mono(Audio a, int rate) {
    float[] x = a.mixToMono();
    return a.sampleRate() == rate ? x : Resampler.of(a.sampleRate(), rate).resample(x);
  }
}
