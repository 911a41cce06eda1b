package org.seqlearn.audio.asr;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.seqlearn.audio.ctc.CtcAlphabet;
import org.seqlearn.audio.wav.WavReader;

/**
 * Reads a corpus manifest as {@code tools/gen_ctc_speech.py} writes it: tab-separated lines whose
 * first two fields are a WAV path (relative to the manifest's directory) and its transcript
 * (further fields are ignored). Lines are bounded; a bad line is an error naming its number.
 */
public final class SpeechCorpus {
  private static final int MAX_LINE = 4096;

  private SpeechCorpus() {}

  /** Every clip of the manifest, with features and labels. */
  public static List<Utterance> load(Path manifest, CtcAlphabet alphabet) throws IOException {
    List<Utterance> out = new ArrayList<>();
    Path dir = manifest.toAbsolutePath().getParent();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = manifest + " line " + number + ": ";
        if (line.length() > MAX_LINE) {
          throw new IllegalArgumentException(where + "expected at most " + MAX_LINE
              + " characters, got " + line.length());
        }
        String[] f = line.split("\t");
        if (f.length < 2 || f[1].isBlank()) {
          throw new IllegalArgumentException(where + "expected '<wav path>\\t<transcript>', got "
              + f.length + " field(s)");
        }
        try {
          int[] labels = alphabet.encode(f[1]);
          float[][] features = SpeechFeatures.of(WavReader.read(dir.resolve(f[0])));
          out.add(new Utterance(features, f[1], labels));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + e.getMessage(), e);
        } catch (IOException e) {
          throw new IOException(where + "cannot read " + f[0] + " (" + e + ")", e);
        }
      }
    }
    return out;
  }
}
