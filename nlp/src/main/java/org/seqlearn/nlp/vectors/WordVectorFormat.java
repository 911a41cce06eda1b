package org.seqlearn.nlp.vectors;

/** The on-disk formats {@link WordVectorReader} and {@link WordVectorWriter} understand. */
public enum WordVectorFormat {
  /**
   * word2vec text: a header line {@code "V D"}, then {@code V} lines {@code word v1 ... vD}
   * (UTF-8, values separated by spaces), as written by the C tool with {@code -binary 0} and by
   * gensim {@code save_word2vec_format(binary=False)}.
   */
  WORD2VEC_TEXT,
  /**
   * word2vec binary: a header line {@code "V D\n"}, then per word its UTF-8 bytes, a space and
   * {@code D} little-endian float32 values. The C tool writes a newline after each vector, gensim
   * does not; the reader accepts both (newlines before a word are skipped) and the writer follows
   * the C tool.
   */
  WORD2VEC_BINARY,
  /** GloVe text: like {@link #WORD2VEC_TEXT} without the header line. */
  GLOVE_TEXT
}
