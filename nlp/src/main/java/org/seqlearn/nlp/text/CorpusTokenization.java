package org.seqlearn.nlp.text;

/** How {@link CorpusScanner} splits a streamed corpus into tokens. */
public enum CorpusTokenization {
  /**
   * text8-style: the text is lower-cased and every maximal run of the letters {@code a–z} is a
   * token; everything else (digits, punctuation, non-ASCII letters) separates tokens. In Python:
   * {@code re.findall('[a-z]+', line.lower())}.
   */
  TEXT8,
  /** Tokens are maximal runs of non-whitespace characters, unchanged (gensim's LineSentence). */
  WHITESPACE
}
