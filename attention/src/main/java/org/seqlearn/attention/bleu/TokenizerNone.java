package org.seqlearn.attention.bleu;

import java.util.List;

/** sacreBLEU's {@code none} tokenizer: the text is already tokenised; split on whitespace. */
final class TokenizerNone implements BleuTokenizer {
  static final TokenizerNone INSTANCE = new TokenizerNone();

  private TokenizerNone() {}

  @Override
  public List<String> tokenize(String line) {
    return PythonText.split(line);
  }

  @Override
  public String signature() {
    return "none";
  }
}
