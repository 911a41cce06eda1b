package org.seqlearn.audio.ctc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlearn.audio.Fixtures;

/** Reads {@code fixtures/ctc/exhaustive.txt}, written by {@code tools/gen_ctc_fixtures.py}. */
final class ExhaustiveFixtures {
  private ExhaustiveFixtures() {}

  /** A label sequence and its total probability over all alignments. */
  record Labelled(int[] tokens, double logProb) {}

  /** One case: the input and every label sequence with non-zero probability, best first. */
  record Case(String name, FrameLogProbs logProbs, int blank, List<Labelled> prefixes) {}

  static List<Case> load() {
    String text = new String(Fixtures.bytes("ctc/exhaustive.txt"), StandardCharsets.UTF_8);
    List<Case> cases = new ArrayList<>();
    String name = null;
    int frames = 0;
    int symbols = 0;
    int blank = 0;
    FrameLogProbs logProbs = null;
    List<Labelled> prefixes = null;
    for (String line : (text + "\n").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (line.isBlank() || line.startsWith("#")) {
        if (name != null) {
          cases.add(new Case(name, logProbs, blank, prefixes));
          name = null;
        }
        continue;
      }
      switch (f[0]) {
        case "case" -> {
          name = f[1];
          frames = Integer.parseInt(f[2]);
          symbols = Integer.parseInt(f[3]);
          blank = Integer.parseInt(f[4]);
          prefixes = new ArrayList<>();
        }
        case "logprobs" -> {
          float[] v = new float[f.length - 1];
          for (int i = 0; i < v.length; i++) {
            v[i] = Float.parseFloat(f[i + 1]);
          }
          logProbs = FrameLogProbs.of(v, frames, symbols);
        }
        case "prefix" -> {
          int[] tokens = Arrays.stream(f, 2, f.length).mapToInt(Integer::parseInt).toArray();
          prefixes.add(new Labelled(tokens, Double.parseDouble(f[1])));
        }
        default -> throw new IllegalStateException("unexpected fixture line: " + line);
      }
    }
    return cases;
  }
}
