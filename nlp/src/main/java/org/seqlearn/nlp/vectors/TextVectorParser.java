package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.seqlearn.core.io.LineInput;

/**
 * Parses the word2vec and GloVe text formats line by line from bytes: one word, then {@code D}
 * numbers, separated by spaces or tabs. Blank lines are skipped. Values go straight into the
 * preallocated matrix; no line is ever turned into a {@code String} except its word.
 */
final class TextVectorParser {

  private TextVectorParser() {}

  /**
   * Reads up to {@code builder.capacity()} vectors.
   *
   * @param firstLine the 1-based number of the next line {@code in} returns
   * @param strictEnd whether non-blank lines after the last expected vector are an error
   * @param expectedSource what promised the count, for messages ("header", "first pass")
   */
  static void parse(LineInput in, MatrixBuilder builder, long firstLine, int maxLineBytes,
      boolean strictEnd, String expectedSource) throws IOException {
    long lineNo = firstLine - 1;
    int rows = 0;
    while (rows < builder.capacity()) {
      long offset = in.offset();
      if (!in.readLine(maxLineBytes)) {
        throw new WordVectorFormatException("line " + (lineNo + 1) + ": expected "
            + builder.capacity() + " vectors (" + expectedSource + "), found only " + rows
            + " before the end of the file", lineNo + 1, offset);
      }
      lineNo++;
      if (parseLine(in.line(), in.lineLength(), lineNo, offset, builder)) {
        rows++;
      }
    }
    if (!strictEnd) {
      return;
    }
    while (true) {
      long offset = in.offset();
      if (!in.readLine(maxLineBytes)) {
        return;
      }
      lineNo++;
      int end = trimmedEnd(in.line(), in.lineLength());
      if (end > 0) {
        throw new WordVectorFormatException("line " + lineNo + ": expected the end of the file "
            + "after " + builder.capacity() + " vectors (" + expectedSource
            + "), found another line '"
            + preview(in.line(), end) + "'", lineNo, offset);
      }
    }
  }

  /** Parses one line into the next row; returns false for a blank line. */
  static boolean parseLine(byte[] line, int length, long lineNo, long offset,
      MatrixBuilder builder) throws WordVectorFormatException {
    int end = trimmedEnd(line, length);
    if (end == 0) {
      return false;
    }
    int wordEnd = 0;
    while (wordEnd < end && !isSeparator(line[wordEnd])) {
      wordEnd++;
    }
    if (wordEnd == 0) {
      throw new WordVectorFormatException("line " + lineNo + ": expected a word at the start of "
          + "the line, found a separator", lineNo, offset);
    }
    int dim = builder.dim();
    float[] matrix = builder.matrix();
    int row = builder.nextRowOffset();
    int pos = wordEnd;
    for (int k = 0; k < dim; k++) {
      while (pos < end && isSeparator(line[pos])) {
        pos++;
      }
      if (pos == end) {
        throw new WordVectorFormatException("line " + lineNo + ": expected " + dim
            + " values after the word" + builder.dimSource() + ", found " + k, lineNo, offset);
      }
      int start = pos;
      while (pos < end && !isSeparator(line[pos])) {
        pos++;
      }
      try {
        matrix[row + k] = FloatParser.parse(line, start, pos);
      } catch (NumberFormatException e) {
        throw new WordVectorFormatException("line " + lineNo + ", value " + (k + 1) + " of " + dim
            + ": expected a number, found '" + new String(line, start, Math.min(pos - start, 64),
            StandardCharsets.UTF_8) + "'", lineNo, offset + start);
      }
    }
    int extra = countTokens(line, pos, end);
    if (extra > 0) {
      throw new WordVectorFormatException("line " + lineNo + ": expected " + dim
          + " values after the word" + builder.dimSource() + ", found " + (dim + extra), lineNo,
          offset);
    }
    String word = builder.decode(line, 0, wordEnd, lineNo, offset);
    builder.checkRow(word, lineNo, offset);
    builder.commit(word);
    return true;
  }

  /** Counts the whitespace-separated tokens of {@code line[from, to)}. */
  static int countTokens(byte[] line, int from, int to) {
    int tokens = 0;
    boolean inToken = false;
    for (int i = from; i < to; i++) {
      boolean sep = isSeparator(line[i]);
      if (!sep && !inToken) {
        tokens++;
      }
      inToken = !sep;
    }
    return tokens;
  }

  /** The length of the line without trailing spaces, tabs and {@code \r}. */
  static int trimmedEnd(byte[] line, int length) {
    int end = length;
    while (end > 0 && (isSeparator(line[end - 1]) || line[end - 1] == '\r')) {
      end--;
    }
    return end;
  }

  static boolean isSeparator(byte b) {
    return b == ' ' || b == '\t';
  }

  static String preview(byte[] line, int length) {
    String s = new String(line, 0, Math.min(length, 60), StandardCharsets.UTF_8);
    return length > 60 ? s + "..." : s;
  }
}
