package org.seqlearn.nlp.word2vec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.seqlearn.core.random.Rng;

/**
 * A generated corpus with planted structure: {@value #GROUPS} topics, each with {@value #MEMBERS}
 * "member" words ({@code t0m0 ...}, written with letters only: {@code ta ma}) and its own context
 * words. Each line picks a topic and mixes its context words with one or two of its members, so
 * members of a topic share contexts and should end up nearest neighbours.
 */
final class PlantedCorpus {

  static final int GROUPS = 4;
  static final int MEMBERS = 4;
  static final int CONTEXTS = 12;

  private PlantedCorpus() {}

  static String member(int group, int m) {
    return "g" + letter(group) + "m" + letter(m);
  }

  private static String context(int group, int c) {
    return "c" + letter(group) + "x" + letter(c);
  }

  private static String letter(int i) {
    return String.valueOf((char) ('a' + i));
  }

  static Path write(Path dir, int lines, long seed, boolean gzip) throws IOException {
    Path file = dir.resolve(gzip ? "planted.txt.gz" : "planted.txt");
    Rng rng = new Rng(seed);
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
        Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int l = 0; l < lines; l++) {
        int g = rng.nextInt(GROUPS);
        line.setLength(0);
        for (int k = 0; k < 12; k++) {
          String word = rng.nextInt(4) == 0 ? member(g, rng.nextInt(MEMBERS))
              : context(g, rng.nextInt(CONTEXTS));
          line.append(k == 0 ? "" : " ").append(word);
        }
        w.write(line.append('\n').toString());
      }
    }
    return file;
  }
}
