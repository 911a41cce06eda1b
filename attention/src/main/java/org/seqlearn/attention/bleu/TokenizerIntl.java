package org.seqlearn.attention.bleu;

import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's {@code intl} tokenizer (mteval-v14's international tokenisation): punctuation
 * (Unicode category P) is split off unless it sits between digits (category N), and every symbol
 * (category S) is split off. Categories come from the running JDK's Unicode tables, which may be
 * older or newer than those of Python's {@code regex} module; they agree on every character
 * assigned before Unicode 13.
 */
final class TokenizerIntl implements BleuTokenizer {
  static final TokenizerIntl INSTANCE = new TokenizerIntl();

  private static final Pattern PUNCT_AFTER_NON_DIGIT = Pattern.compile("(\\P{N})(\\p{P})");
  private static final Pattern PUNCT_BEFORE_NON_DIGIT = Pattern.compile("(\\p{P})(\\P{N})");
  private static final Pattern SYMBOL = Pattern.compile("(\\p{S})");

  private TokenizerIntl() {}

  @Override
  public List<String> tokenize(String line) {
    String s = PUNCT_AFTER_NON_DIGIT.matcher(line).replaceAll("$1 $2 ");
    s = PUNCT_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
    s = SYMBOL.matcher(s).replaceAll(" $1 ");
    return PythonText.split(s);
  }

  @Override
  public String signature() {
    return "intl";
  }
}
