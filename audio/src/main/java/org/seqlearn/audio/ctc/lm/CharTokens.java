package org.seqlearn.audio.ctc.lm;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Characters as language-model tokens: one token per character (code point), the space written
 * {@value #SPACE} (ARPA separates tokens by whitespace). Training text is one sentence per line;
 * blank lines are skipped.
 */
public final class CharTokens {
  /** The token of a space. */
  public static final String SPACE = "<space>";

  private CharTokens() {}

  /** The token of one character. */
  public static String token(int codePoint) {
    if (codePoint == ' ') {
      return SPACE;
    }
    if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
      throw new IllegalArgumentException(
          "expected a printable character or a space, got U+" + Integer.toHexString(codePoint));
    }
    return new String(Character.toChars(codePoint));
  }

  /** The tokens of a sentence. */
  public static List<String> of(String sentence) {
    List<String> out = new ArrayList<>(sentence.length());
    sentence.codePoints().forEach(cp -> out.add(token(cp)));
    return out;
  }

  /**
   * Trains a character n-gram model on a UTF-8 text file, one sentence per line (surrounding
   * whitespace trimmed; tabs and other control characters are rejected with the line number).
   *
   * @param discount Kneser-Ney's discount (ignored for Witten-Bell)
   */
  public static NgramModel train(Path text, int order, Smoothing smoothing, double discount)
      throws IOException {
    NgramCounts counts = new NgramCounts(order);
    try (BufferedReader r = Files.newBufferedReader(text, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        number++;
        String sentence = line.strip();
        if (sentence.isEmpty()) {
          continue;
        }
        try {
          counts.add(of(sentence));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(text + " line " + number + ": " + e.getMessage(), e);
        }
      }
    }
    return smoothing == Smoothing.KNESER_NEY ? NgramEstimator.kneserNey(counts, discount)
        : NgramEstimator.wittenBell(counts);
  }
}
