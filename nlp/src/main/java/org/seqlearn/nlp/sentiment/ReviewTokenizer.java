package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seqlearn.nlp.text.Text8Tokenizer;
import org.seqlearn.nlp.text.Tokenizer;

/**
 * Tokenises review sentences so that they match word vectors trained with text8 tokenisation
 * ({@link org.seqlearn.nlp.text.CorpusTokenization#TEXT8}: lower-case runs of {@code a–z}).
 *
 * <p>The text is split on whitespace; each piece is then
 *
 * <ul>
 *   <li>a negated contraction, which becomes its verb and {@code not}: {@code doesn't → does
 *       not}, {@code can't → can not}, {@code won't → will not}, {@code shan't → shall not}
 *       (text8 alone would give {@code doesn t}, and {@code t} has a poor vector); a detached
 *       {@code n't} is {@code not};
 *   <li>one of the {@code keptPunctuation} strings (e.g. {@code !} and {@code ?}), kept as it is
 *       (it has no pretrained vector, but a classifier can learn one);
 *   <li>otherwise the runs of letters of a text8 tokeniser: {@code film's → film s}, {@code
 *       co-writer → co writer}; digits and other punctuation disappear.
 * </ul>
 */
public final class ReviewTokenizer implements Tokenizer {

  private static final Text8Tokenizer LETTERS = new Text8Tokenizer();

  private final Set<String> keptPunctuation;

  /**
   * @param keptPunctuation whitespace-separated pieces kept as tokens, e.g. {@code Set.of("!",
   *     "?")}; empty for pure letter tokens
   */
  public ReviewTokenizer(Set<String> keptPunctuation) {
    this.keptPunctuation = Set.copyOf(keptPunctuation);
  }

  /** Letters only, no punctuation kept. */
  public ReviewTokenizer() {
    this(Set.of());
  }

  /** The pieces kept as tokens. */
  public Set<String> keptPunctuation() {
    return keptPunctuation;
  }

  @Override
  public List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    for (String piece : text.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (piece.isEmpty()) {
        continue;
      }
      if (keptPunctuation.contains(piece)) {
        tokens.add(piece);
        continue;
      }
      String verb = negatedVerb(piece);
      if (verb != null) {
        tokens.addAll(LETTERS.tokenize(verb));
        tokens.add("not");
      } else {
        tokens.addAll(LETTERS.tokenize(piece));
      }
    }
    return tokens;
  }

  /**
   * The verb of a negated contraction ({@code isn't → is}; {@code ""} for a detached {@code
   * n't}), or null when it is not one.
   */
  static String negatedVerb(String piece) {
    String p = piece.replace('\u2019', '\'');
    if (!p.endsWith("n't")) {
      return null;
    }
    switch (p) {
      case "can't":
        return "can";
      case "won't":
        return "will";
      case "shan't":
        return "shall";
      case "ain't":
        return "is";
      default:
        return p.substring(0, p.length() - 3);
    }
  }
}
