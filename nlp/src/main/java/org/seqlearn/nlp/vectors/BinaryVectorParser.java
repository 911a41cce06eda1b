package org.seqlearn.nlp.vectors;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.seqlearn.core.io.LineInput;

/**
 * Parses the records of the word2vec binary format: optional newlines, the word's UTF-8 bytes up
 * to a space, then {@code D} little-endian float32 values. Every short read is reported with the
 * byte offset where the missing data should have been.
 */
final class BinaryVectorParser {

  /** Longest word accepted, in bytes (the C tool's limit is 50; this only stops runaway reads). */
  static final int MAX_WORD_BYTES = 1 << 16;

  private static final VarHandle FLOAT_LE =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private BinaryVectorParser() {}

  /**
   * Reads {@code builder.capacity()} records.
   *
   * @param strictEnd whether bytes other than whitespace after the last record are an error
   */
  static void parse(LineInput in, MatrixBuilder builder, long fileSize, boolean strictEnd)
      throws IOException {
    int dim = builder.dim();
    byte[] vectorBytes = new byte[builder.capacity() == 0 ? 0 : dim * Float.BYTES];
    byte[] word = new byte[64];
    for (int r = 0; r < builder.capacity(); r++) {
      int b = in.read();
      while (b == '\n') {
        b = in.read();
      }
      long wordOffset = in.offset() - 1;
      if (b < 0) {
        throw truncated("expected " + builder.capacity() + " words (header), found only " + r,
            in.offset(), fileSize);
      }
      int length = 0;
      while (b != ' ') {
        if (b < 0) {
          throw truncated("word #" + (r + 1) + " starting at byte offset " + wordOffset
              + " has no terminating space", in.offset(), fileSize);
        }
        if (length == MAX_WORD_BYTES) {
          throw new WordVectorFormatException("byte offset " + wordOffset + ": expected word #"
              + (r + 1) + " of at most " + MAX_WORD_BYTES + " bytes followed by a space, found "
              + "no space within " + MAX_WORD_BYTES + " bytes", -1, wordOffset);
        }
        if (length == word.length) {
          word = Arrays.copyOf(word, 2 * length);
        }
        word[length++] = (byte) b;
        b = in.read();
      }
      String w = builder.decode(word, 0, length, -1, wordOffset);
      long vectorOffset = in.offset();
      int got = in.read(vectorBytes, 0, vectorBytes.length);
      if (got < vectorBytes.length) {
        throw truncated("word #" + (r + 1) + " '" + w + "' needs " + dim + " x 4 = "
            + vectorBytes.length + " bytes of vector data at byte offset " + vectorOffset
            + ", found " + got, in.offset(), fileSize);
      }
      float[] matrix = builder.matrix();
      int row = builder.nextRowOffset();
      for (int k = 0; k < dim; k++) {
        matrix[row + k] = (float) FLOAT_LE.get(vectorBytes, k * Float.BYTES);
      }
      builder.checkRow(w, -1, vectorOffset);
      builder.commit(w);
    }
    if (strictEnd) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n' && b != '\r' && b != ' ' && b != '\t') {
          throw new WordVectorFormatException("byte offset " + (in.offset() - 1)
              + ": expected the end of the file after " + builder.capacity()
              + " words (header), found more data", -1, in.offset() - 1);
        }
      }
    }
  }

  private static WordVectorFormatException truncated(String what, long offset, long fileSize) {
    return new WordVectorFormatException("truncated word2vec binary file: " + what
        + "; the file ends at byte offset " + fileSize, -1, offset);
  }
}
