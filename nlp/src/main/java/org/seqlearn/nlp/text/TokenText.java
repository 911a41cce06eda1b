package org.seqlearn.nlp.text;

/**
 * The one rule for what a token may contain when it is saved to and read back from a text file
 * (the {@link VocabularyFile} and the language-model file's vocabulary): any string of valid
 * UTF-16, that is without an unpaired surrogate (which UTF-8 cannot encode: Java would silently
 * write {@code ?}). Backslash, newline, carriage return and tab are escaped as {@code \\},
 * {@code \n}, {@code \r} and {@code \t} so that a token holding them fits on one line.
 */
public final class TokenText {

  private TokenText() {}

  /** The index of the first unpaired surrogate in {@code s}, or -1 when it is valid UTF-16. */
  public static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Checks that {@code token} (id {@code id}) can be saved.
   *
   * @throws IllegalArgumentException naming the id and the position of an unpaired surrogate
   */
  public static void requireSavable(String token, int id) {
    int bad = unpairedSurrogate(token);
    if (bad >= 0) {
      throw new IllegalArgumentException("token #" + id + " has an unpaired surrogate U+"
          + String.format("%04X", (int) token.charAt(bad)) + " at char " + bad
          + "; expected valid UTF-16 (UTF-8 cannot encode it)");
    }
  }

  /** {@code token} with backslash, newline, carriage return and tab escaped. */
  public static String escape(String token) {
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Undoes {@link #escape}.
   *
   * @return the token, or null when {@code s} holds an escape other than {@code \\}, {@code \n},
   *     {@code \r}, {@code \t} (the caller reports where)
   */
  public static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (i + 1 == s.length()) {
        return null;
      }
      switch (s.charAt(++i)) {
        case '\\' -> sb.append('\\');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        default -> {
          return null;
        }
      }
    }
    return sb.toString();
  }
}
