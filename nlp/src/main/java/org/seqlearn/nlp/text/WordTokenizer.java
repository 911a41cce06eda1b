package org.seqlearn.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word tokeniser. In {@link Mode#WORD_PUNCTUATION} mode (NLTK's {@code wordpunct_tokenize},
 * regex {@code \w+|[^\w\s]+} with Unicode classes) runs of word characters and runs of
 * punctuation are separate tokens: {@code "Don't stop!"} → {@code [Don, ', t, stop, !]}. In
 * {@link Mode#WHITESPACE} mode the text is split on whitespace only (Python's {@code
 * str.split()}).
 */
public final class WordTokenizer implements Tokenizer {

  /** How tokens are delimited. */
  public enum Mode {
    /** Split on whitespace only. */
    WHITESPACE,
    /** Split on whitespace and between word characters and punctuation. */
    WORD_PUNCTUATION
  }

  private static final Pattern WORD_PUNCT =
      Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern NON_SPACE =
      Pattern.compile("\\S+", Pattern.UNICODE_CHARACTER_CLASS);

  private final Pattern pattern;
  private final boolean lowerCase;

  /**
   * @param mode how tokens are delimited
   * @param lowerCase lower-case the text (locale-independent) before splitting
   */
  public WordTokenizer(Mode mode, boolean lowerCase) {
    this.pattern = mode == Mode.WHITESPACE ? NON_SPACE : WORD_PUNCT;
    this.lowerCase = lowerCase;
  }

  /** Word-and-punctuation tokens, lower-cased. */
  public static WordTokenizer lowerCaseWords() {
    return new WordTokenizer(Mode.WORD_PUNCTUATION, true);
  }

  @Override
  public List<String> tokenize(String text) {
    String s = lowerCase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> tokens = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }
}
