package org.seqlearn.nlp.text;

import java.util.List;

/** Splits text into tokens. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface Tokenizer {

  /** The tokens of {@code text}, in order; never null, empty for blank text. */
  List<String> tokenize(String text);
}
