package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads word vectors in the word2vec text, word2vec binary and GloVe text formats (gensim {@code
 * KeyedVectors.load_word2vec_format}, with {@code no_header=True} for GloVe).
 *
 * <p>Streaming: the file is read once through a small buffer (GloVe twice: a first pass counts
 * the vectors, since it has no header) and parsed from bytes; the {@code [V, D]} matrix is
 * allocated once, after checking that {@code V x D} fits a Java array and the heap and that the
 * file is large enough to hold that many vectors, so a lying header fails fast instead of
 * exhausting memory. Peak heap is about the matrix plus the vocabulary. Words are UTF-8 (decoded
 * strictly). A repeated word keeps its first vector, as in gensim.
 *
 * <p>A malformed file raises {@link WordVectorFormatException} naming the line (text) or byte
 * offset (binary), what was expected and what was found.
 */
public final class WordVectorReader {

  /** Longest header line accepted, in bytes. */
  private static final int MAX_HEADER_BYTES = 1024;
  /** Longest line accepted in GloVe files, whose dimension is unknown up front. */
  private static final int MAX_GLOVE_LINE_BYTES = 64 << 20;

  private WordVectorReader() {}

  /** Reads every vector of {@code file}. */
  public static WordVectors read(Path file, WordVectorFormat format) throws IOException {
    return read(file, format, Integer.MAX_VALUE);
  }

  /**
   * Reads the first {@code limit} vectors of {@code file} (gensim's {@code limit}): the rest of
   * the file is not read or checked.
   *
   * @throws IllegalArgumentException if {@code limit < 0}
   * @throws WordVectorFormatException if the file does not match the format
   */
  public static WordVectors read(Path file, WordVectorFormat format, int limit)
      throws IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    long fileSize = Files.size(file);
    switch (format) {
      case WORD2VEC_TEXT:
      case WORD2VEC_BINARY:
        return readWithHeader(file, format == WordVectorFormat.WORD2VEC_BINARY, limit, fileSize);
      case GLOVE_TEXT:
        return readGlove(file, limit, fileSize);
      default:
        throw new IllegalArgumentException("unknown format " + format);
    }
  }

  private static WordVectors readWithHeader(Path file, boolean binary, int limit, long fileSize)
      throws IOException {
    try (ByteInput in = new ByteInput(Files.newInputStream(file))) {
      if (!in.readLine(MAX_HEADER_BYTES)) {
        throw new WordVectorFormatException("line 1: expected a header 'V D', found an empty file",
            1, 0);
      }
      String header = new String(in.line(), 0, in.lineLength(), StandardCharsets.UTF_8).trim();
      String[] parts = header.split("[ \t]+");
      long vocab;
      long dim;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        vocab = Long.parseLong(parts[0]);
        dim = Long.parseLong(parts[1]);
      } catch (NumberFormatException e) {
        throw new WordVectorFormatException("line 1: expected a header 'V D' (two integers), "
            + "found '"
            + (header.length() > 60 ? header.substring(0, 60) + "..." : header) + "'", 1, 0);
      }
      long rows = Math.min(vocab, limit);
      long headerBytes = in.offset();
      String what = "header '" + header + "' of " + file.getFileName();
      MatrixBuilder builder = MatrixBuilder.allocate(rows, dim,
          binary ? 4 * dim + 2 : 2 * dim + 1, fileSize - headerBytes, what, 1, 0)
          .dimSource(" (D = " + dim + " in the header)");
      boolean all = rows == vocab;
      if (binary) {
        BinaryVectorParser.parse(in, builder, fileSize, all);
      } else {
        TextVectorParser.parse(in, builder, 2, maxLineBytes(dim), all, "header says " + vocab);
      }
      return builder.build();
    }
  }

  private static WordVectors readGlove(Path file, int limit, long fileSize) throws IOException {
    long vectors = 0;
    int tokens = 0;
    long firstLine = 0;
    try (ByteInput in = new ByteInput(Files.newInputStream(file))) {
      long lineNo = 0;
      while (vectors < limit && in.readLine(MAX_GLOVE_LINE_BYTES)) {
        lineNo++;
        int end = TextVectorParser.trimmedEnd(in.line(), in.lineLength());
        if (end > 0) {
          if (vectors == 0) {
            tokens = TextVectorParser.countTokens(in.line(), 0, end);
            firstLine = lineNo;
          }
          vectors++;
        }
      }
    }
    if (vectors > 0 && tokens < 2) {
      throw new WordVectorFormatException("line " + firstLine + ": expected a word and at least "
          + "one value, found " + tokens + " token", firstLine, -1);
    }
    long dim = Math.max(1, tokens - 1);
    MatrixBuilder builder = MatrixBuilder.allocate(vectors, dim, 2 * dim + 1, fileSize,
        "GloVe file " + file.getFileName() + " (first line has " + dim + " values)", firstLine, 0)
        .dimSource(" (D = " + dim + " from line " + firstLine + ")");
    try (ByteInput in = new ByteInput(Files.newInputStream(file))) {
      TextVectorParser.parse(in, builder, 1, MAX_GLOVE_LINE_BYTES, false,
          "counted in a first pass");
    }
    return builder.build();
  }

  private static int maxLineBytes(long dim) {
    return (int) Math.min(Integer.MAX_VALUE - 16, 64 * dim + (1 << 20));
  }
}
