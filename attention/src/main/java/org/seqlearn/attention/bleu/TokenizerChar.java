package org.seqlearn.attention.bleu;

import java.util.ArrayList;
import java.util.List;

/**
 * sacreBLEU's {@code char} tokenizer: every code point that is not whitespace is a token (for
 * languages written without spaces).
 */
final class TokenizerChar implements BleuTokenizer {
  static final TokenizerChar INSTANCE = new TokenizerChar();

  private TokenizerChar() {}

  @Override
  public List<String> tokenize(String line) {
    List<String> out = new ArrayList<>(line.length());
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (!PythonText.isSpace(cp)) {
        out.add(line.substring(i, next));
      }
      i = next;
    }
    return out;
  }

  @Override
  public String signature() {
    return "char";
  }
}
