package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.TextFormatException;

/**
 * Reads word vectors in the word2vec text, word2vec binary and GloVe text formats (gensim {@code
 * KeyedVectors.load_word2vec_format}, with {@code no_header=True} for GloVe).
 *
 * <p>Streaming: the file is read once through a small buffer (GloVe twice: a first pass counts
 * the vectors, since it has no header) and parsed from bytes; the {@code [V, D]} matrix is
 * allocated once, after checking that {@code V x D} fits a Java array and the heap and that the
 * file is large enough to hold that many vectors, so a lying header fails fast instead of
 * exhausting memory. Peak heap is about the matrix plus the vocabulary. Words are UTF-8 (decoded
 * strictly) and must be non-empty, without spaces, tabs, newlines or carriage returns: the rule
 * {@link WordVectorWriter} applies when saving. A repeated word keeps its first vector, as in
 * gensim. NaN and infinite values are rejected unless a {@link NonFinitePolicy} says otherwise.
 *
 * <p>A malformed file raises {@link WordVectorFormatException} naming the file, the line (text)
 * or byte offset (binary), what was expected and what was found.
 */
public final class WordVectorReader {

  /** Longest header line accepted, in bytes. */
  private static final int MAX_HEADER_BYTES = 1024;
  /** Longest line accepted in GloVe files, whose dimension is unknown up front. */
  private static final int MAX_GLOVE_LINE_BYTES = 64 << 20;

  private WordVectorReader() {}

  /** Reads every vector of {@code file}, rejecting NaN and infinite values. */
  public static WordVectors read(Path file, WordVectorFormat format) throws IOException {
    return read(file, format, Integer.MAX_VALUE);
  }

  /**
   * Reads the first {@code limit} vectors of {@code file} (gensim's {@code limit}), rejecting NaN
   * and infinite values: the rest of the file is not parsed, but the header's counts are still
   * checked against the file's size.
   *
   * @throws IllegalArgumentException if {@code limit < 0}
   * @throws WordVectorFormatException if the file does not match the format
   */
  public static WordVectors read(Path file, WordVectorFormat format, int limit)
      throws IOException {
    return read(file, format, limit, NonFinitePolicy.REJECT);
  }

  /**
   * Reads the first {@code limit} vectors of {@code file}.
   *
   * @param nonFinite what to do with NaN or infinite values ({@link NonFinitePolicy#REJECT}: a
   *     {@link WordVectorFormatException} naming the word and its line or offset)
   * @throws IllegalArgumentException if {@code limit < 0}
   * @throws WordVectorFormatException if the file does not match the format; the message starts
   *     with the file's path
   */
  public static WordVectors read(Path file, WordVectorFormat format, int limit,
      NonFinitePolicy nonFinite) throws IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    long fileSize = Files.size(file);
    refuseGzip(file);
    try {
      MatrixBuilder builder = switch (format) {
        case WORD2VEC_TEXT, WORD2VEC_BINARY -> readWithHeader(file,
            format == WordVectorFormat.WORD2VEC_BINARY, limit, fileSize, nonFinite);
        case GLOVE_TEXT -> readGlove(file, limit, fileSize, nonFinite);
      };
      nonFinite.warnIfAny(builder.nonFiniteValues(), file.toString());
      return builder.build();
    } catch (TextFormatException e) {
      throw new WordVectorFormatException(file + ": " + withoutSource(e, file), e.line(),
          e.byteOffset());
    }
  }

  /**
   * A gzip-compressed file would otherwise be parsed as text and reported with its compressed
   * bytes in the message; the size checks need the real size, so it is refused by name.
   */
  private static void refuseGzip(Path file) throws IOException {
    byte[] magic = new byte[2];
    int n;
    try (var in = Files.newInputStream(file)) {
      n = in.readNBytes(magic, 0, 2);
    }
    if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      throw new WordVectorFormatException(file + ": expected an uncompressed vectors file, found "
          + "gzip-compressed data; decompress it first (gunzip)", 1, 0);
    }
  }

  /** The message of {@code e} without a leading file name (line errors already carry one). */
  private static String withoutSource(TextFormatException e, Path file) {
    String m = e.getMessage();
    return m.startsWith(file + " ") ? m.substring(file.toString().length() + 1) : m;
  }

  private static MatrixBuilder readWithHeader(Path file, boolean binary, int limit,
      long fileSize, NonFinitePolicy nonFinite) throws IOException {
    try (LineInput in = new LineInput(Files.newInputStream(file), file.toString())) {
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
      String what = "header '" + header + "'";
      long minBytes = binary ? 4 * dim + 2 : 2 * dim + 1;
      // every count the header states, whatever the limit
      MatrixBuilder.checkShape(vocab, dim, minBytes, fileSize - headerBytes, what, 1, 0);
      MatrixBuilder builder = MatrixBuilder.allocate(rows, dim, minBytes,
          fileSize - headerBytes, nonFinite, what, 1, 0)
          .dimSource(" (D = " + dim + " in the header)");
      boolean all = rows == vocab;
      if (binary) {
        BinaryVectorParser.parse(in, builder, fileSize, all);
      } else {
        TextVectorParser.parse(in, builder, 2, maxLineBytes(dim), all, "header says " + vocab);
      }
      return builder;
    }
  }

  private static MatrixBuilder readGlove(Path file, int limit, long fileSize,
      NonFinitePolicy nonFinite) throws IOException {
    long vectors = 0;
    int tokens = 0;
    long firstLine = 0;
    try (LineInput in = new LineInput(Files.newInputStream(file), file.toString())) {
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
        nonFinite, "GloVe file (first line has " + dim + " values)", firstLine, 0)
        .dimSource(" (D = " + dim + " from line " + firstLine + ")");
    try (LineInput in = new LineInput(Files.newInputStream(file), file.toString())) {
      TextVectorParser.parse(in, builder, 1, MAX_GLOVE_LINE_BYTES, false,
          "counted in a first pass");
    }
    return builder;
  }

  private static int maxLineBytes(long dim) {
    return (int) Math.min(Integer.MAX_VALUE - 16, 64 * dim + (1 << 20));
  }
}
