package org.seqlearn.nlp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * text8-style tokeniser: lower-cases the text and returns every maximal run of the letters
 * {@code a–z} (Python {@code re.findall('[a-z]+', text.lower())}). Digits, punctuation and
 * non-ASCII letters separate tokens. This is {@link CorpusTokenization#TEXT8} for in-memory text.
 */
public final class Text8Tokenizer implements Tokenizer {

  @Override
  public List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = lowerLetter(text.charAt(i));
      if (c != 0) {
        current.append(c);
      } else if (current.length() > 0) {
        tokens.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    return tokens;
  }

  /**
   * The lower-case letter {@code a–z} that {@code c} becomes after lower-casing, or 0 when it is
   * not one (e.g. {@code 'Q' → 'q'}, Kelvin sign {@code 'K' → 'k'}, {@code '1' → 0}).
   */
  public static char lowerLetter(char c) {
    if (c >= 'a' && c <= 'z') {
      return c;
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    if (c < 128) {
      return 0;
    }
    char lower = Character.toLowerCase(c);
    return lower >= 'a' && lower <= 'z' ? lower : 0;
  }
}
