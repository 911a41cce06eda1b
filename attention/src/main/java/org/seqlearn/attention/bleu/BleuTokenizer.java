package org.seqlearn.attention.bleu;

import java.util.List;
import java.util.Locale;

/**
 * One of sacreBLEU's tokenizers: detokenised text in, the tokens BLEU counts out (sacreBLEU's
 * tokenizer output, then Python's {@code str.split()}). Implementations are stateless and
 * thread-safe.
 */
public interface BleuTokenizer {

  /** The tokens of one segment. */
  List<String> tokenize(String line);

  /** The name in sacreBLEU's signature: {@code 13a}, {@code intl}, {@code char}, {@code none}. */
  String signature();

  /**
   * The tokenizer sacreBLEU calls {@code name}: {@code 13a} (mteval-v13a, the default),
   * {@code intl} (mteval-v14 international), {@code char} (every non-space character) or
   * {@code none} (split on whitespace only).
   */
  static BleuTokenizer forName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "13a" -> Tokenizer13a.INSTANCE;
      case "intl" -> TokenizerIntl.INSTANCE;
      case "char" -> TokenizerChar.INSTANCE;
      case "none" -> TokenizerNone.INSTANCE;
      default -> throw new IllegalArgumentException(
          "tokenizer must be 13a, intl, char or none, got '" + name + "'");
    };
  }
}
