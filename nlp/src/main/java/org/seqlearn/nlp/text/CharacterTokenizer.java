package org.seqlearn.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One token per Unicode code point (a character-level language model's input: {@code "Añ😀"} →
 * {@code ["A", "ñ", "😀"]}; surrogate pairs stay together), optionally lower-cased first.
 * Whitespace and newlines are tokens too.
 */
public final class CharacterTokenizer implements Tokenizer {

  private final boolean lowerCase;

  /** @param lowerCase lower-case the text (locale-independent) before splitting */
  public CharacterTokenizer(boolean lowerCase) {
    this.lowerCase = lowerCase;
  }

  @Override
  public List<String> tokenize(String text) {
    String s = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> tokens = new ArrayList<>(s.length());
    s.codePoints().forEach(cp -> tokens.add(new String(Character.toChars(cp))));
    return tokens;
  }
}
