package org.seqlearn.examples.cli;

import java.util.Locale;
import org.seqlearn.nlp.vectors.WordVectorFormat;

/** The {@code --format} values of the word-vector commands, mapped to {@link WordVectorFormat}. */
enum VectorFileFormat {
  /** Chosen from the file name: {@code .bin} is word2vec binary, anything else word2vec text. */
  auto(null),
  text(WordVectorFormat.WORD2VEC_TEXT),
  binary(WordVectorFormat.WORD2VEC_BINARY),
  glove(WordVectorFormat.GLOVE_TEXT);

  private final WordVectorFormat format;

  VectorFileFormat(WordVectorFormat format) {
    this.format = format;
  }

  /** The concrete format for {@code file}. */
  WordVectorFormat resolve(java.nio.file.Path file) {
    if (format != null) {
      return format;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".bin") ? WordVectorFormat.WORD2VEC_BINARY
        : WordVectorFormat.WORD2VEC_TEXT;
  }
}
