package org.seqlearn.nlp.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads strict UTF-8 text line by line with a bound on the line length in bytes, so a hostile
 * file (one endless line, invalid bytes) is an {@link IllegalArgumentException} naming the source
 * and line rather than an out-of-memory error or silently replaced characters. Lines end at
 * {@code "\n"}; a {@code "\r"} before it is dropped; a last line without {@code "\n"} counts.
 * Each line is decoded on its own, so an error names the line it is on.
 */
final class BoundedLineReader {

  private final InputStream in;
  private final String name;
  private final int maxLineBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[256];
  private int lineNumber;

  BoundedLineReader(InputStream in, String name, int maxLineBytes) {
    this.in = in;
    this.name = name;
    this.maxLineBytes = maxLineBytes;
  }

  /** The 1-based number of the line {@link #next()} returned last. */
  int lineNumber() {
    return lineNumber;
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException {
    int len = 0;
    boolean newline = false;
    while (!newline) {
      if (pos == limit) {
        limit = Math.max(0, in.read(chunk, 0, chunk.length));
        pos = 0;
        if (limit == 0) {
          break;
        }
      }
      int end = pos;
      while (end < limit && chunk[end] != '\n') {
        end++;
      }
      int take = end - pos;
      if ((long) len + take > maxLineBytes) {
        throw new IllegalArgumentException(name + ":" + (lineNumber + 1) + ": line longer than "
            + maxLineBytes + " bytes");
      }
      if (len + take > line.length) {
        line = Arrays.copyOf(line, (int) Math.min(maxLineBytes,
            Math.max(2L * line.length, (long) len + take)));
      }
      System.arraycopy(chunk, pos, line, len, take);
      len += take;
      newline = end < limit;
      pos = newline ? end + 1 : end;
    }
    if (!newline && len == 0) {
      return null;
    }
    lineNumber++;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, 0, len)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(name + ":" + lineNumber + ": invalid UTF-8 (expected "
          + "UTF-8 text)");
    }
  }
}
