package org.seqlearn.nlp.vectors;

import org.seqlearn.nlp.text.TokenText;

/**
 * The one rule for what a word in a word-vector file may contain, applied identically when
 * reading ({@link WordVectorReader}) and saving ({@link WordVectorWriter}): a non-empty string of
 * valid UTF-16 (no unpaired surrogate, which UTF-8 cannot encode) without a space, tab, newline
 * or carriage return (which the formats use as separators).
 */
final class WordRule {

  /** The rule in words, for messages. */
  static final String DESCRIPTION =
      "of valid UTF-16 without spaces, tabs, newlines or carriage returns";

  private WordRule() {}

  /** What is wrong with {@code word}, or null when it follows the rule. */
  static String problem(String word) {
    if (word.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < word.length(); i++) {
      char ch = word.charAt(i);
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
        return "holds char " + (int) ch + " at index " + i;
      }
    }
    int surrogate = TokenText.unpairedSurrogate(word);
    if (surrogate >= 0) {
      return "holds an unpaired surrogate U+" + String.format("%04X", (int) word.charAt(surrogate))
          + " at index " + surrogate;
    }
    return null;
  }
}
