package org.seqlearn.attention.dates;

import java.util.Arrays;

/**
 * The characters of the date translator. Source: padding (0), unknown (1), then {@link
 * #SOURCE_CHARS}; a human date is cut to {@link #SOURCE_STEPS} characters. Target: the course's 11
 * machine characters {@code -0123456789}, then the start and end tokens of the autoregressive
 * model.
 */
public final class DateVocabulary {

  /** Tx, the source characters the models read. */
  public static final int SOURCE_STEPS = 30;

  /** Ty, the characters of an ISO date {@code YYYY-MM-DD}. */
  public static final int TARGET_STEPS = 10;

  /** The source characters after padding and unknown (fixed, so a saved model stays valid). */
  public static final String SOURCE_CHARS =
      " ,-./'0123456789abcdefghijklmnopqrstuvwxyzàâäçèéêëìîïñòóôöùúûüß";

  /** Source padding id. */
  public static final int PAD = 0;

  /** Source id of a character not in {@link #SOURCE_CHARS}. */
  public static final int UNKNOWN = 1;

  /** The course's machine vocabulary, ids 0-10. */
  public static final String TARGET_CHARS = "-0123456789";

  /** Start token of the autoregressive decoder. */
  public static final int START = TARGET_CHARS.length();

  /** End token of the autoregressive decoder. */
  public static final int END = START + 1;

  private DateVocabulary() {}

  /** Source tokens: padding, unknown and the characters. */
  public static int sourceSize() {
    return 2 + SOURCE_CHARS.length();
  }

  /** Target tokens: 11 for the course's model, 13 with start and end for the autoregressive. */
  public static int targetSize(boolean autoregressive) {
    return TARGET_CHARS.length() + (autoregressive ? 2 : 0);
  }

  /**
   * Writes the source ids of a (lower-cased, cut to Tx) human date into {@code row}, padded.
   *
   * @param row at least {@link #SOURCE_STEPS} long
   * @return the length, in {@code [1, Tx]} (an empty text counts as one padding step)
   */
  public static int encodeSource(String human, int[] row, int offset) {
    String s = human.toLowerCase(java.util.Locale.ROOT);
    int n = Math.min(s.length(), SOURCE_STEPS);
    Arrays.fill(row, offset, offset + SOURCE_STEPS, PAD);
    for (int i = 0; i < n; i++) {
      int k = SOURCE_CHARS.indexOf(s.charAt(i));
      row[offset + i] = k < 0 ? UNKNOWN : 2 + k;
    }
    return Math.max(n, 1);
  }

  /** The source character of an id ('·' for padding, '?' for unknown). */
  public static char sourceChar(int id) {
    return id == PAD ? '·' : id == UNKNOWN ? '?' : SOURCE_CHARS.charAt(id - 2);
  }

  /** Target ids of an ISO date {@code YYYY-MM-DD}. */
  public static int[] encodeTarget(String iso) {
    if (iso.length() != TARGET_STEPS) {
      throw new IllegalArgumentException("an ISO date has " + TARGET_STEPS
          + " characters, got '" + iso + "'");
    }
    int[] out = new int[TARGET_STEPS];
    for (int i = 0; i < out.length; i++) {
      out[i] = TARGET_CHARS.indexOf(iso.charAt(i));
      if (out[i] < 0) {
        throw new IllegalArgumentException("not an ISO date: '" + iso + "'");
      }
    }
    return out;
  }

  /** The text of target ids (start and end tokens are dropped). */
  public static String decodeTarget(int[] ids) {
    StringBuilder s = new StringBuilder();
    for (int id : ids) {
      if (id >= 0 && id < TARGET_CHARS.length()) {
        s.append(TARGET_CHARS.charAt(id));
      }
    }
    return s.toString();
  }
}
