package org.seqlearn.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A buffered byte reader for files from untrusted sources that knows where it is: lines (bounded
 * in length, so a file without newlines cannot make it buffer the whole file), strict UTF-8 text
 * lines, and exact byte counts for binary records. Every problem is a {@link TextFormatException}
 * naming the source, the line and the byte offset.
 */
public final class LineInput implements Closeable {

  /** A line bound for hand-written text files (vocabularies, questions, datasets): 1 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final String source;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long consumedBefore;
  private byte[] line = new byte[1024];
  private int lineLength;
  private long lineNumber;
  private long lineOffset;
  private CharsetDecoder decoder;
  private CharBuffer chars;

  /**
   * Reads {@code in} (closed by {@link #close()}).
   *
   * @param source what to call the input in messages, usually the file name
   */
  public LineInput(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /** Opens {@code file}; messages name it by its path. */
  public static LineInput open(Path file) throws IOException {
    return new LineInput(Files.newInputStream(file), file.toString());
  }

  /** What messages call the input. */
  public String source() {
    return source;
  }

  /** The offset of the next unread byte from the start of the input. */
  public long offset() {
    return consumedBefore + position;
  }

  /** The 1-based number of the last line read (0 before the first). */
  public long lineNumber() {
    return lineNumber;
  }

  /** The byte offset at which the last line read starts. */
  public long lineOffset() {
    return lineOffset;
  }

  /** The last line read by {@link #readLine(int)}; valid up to {@link #lineLength()}. */
  public byte[] line() {
    return line;
  }

  /** The length in bytes of the last line read. */
  public int lineLength() {
    return lineLength;
  }

  /**
   * Reads the next line, without its {@code \n} (a trailing {@code \r} is kept).
   *
   * @param maxLength longest allowed line in bytes
   * @return false at end of input (no bytes left)
   * @throws TextFormatException if the line is longer than {@code maxLength}
   */
  public boolean readLine(int maxLength) throws IOException {
    lineLength = 0;
    lineOffset = offset();
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any;
      }
      if (!any) {
        lineNumber++;
        any = true;
      }
      int start = position;
      int end = start;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      append(start, end - start, maxLength);
      position = end;
      if (end < limit) {
        position++;
        return true;
      }
    }
  }

  /**
   * Reads the next line as strictly decoded UTF-8, without its {@code \n} or {@code \r\n}.
   *
   * @return the line, or null at end of input
   * @throws TextFormatException if the line is longer than {@code maxLength} bytes or is not
   *     UTF-8 (naming the offending bytes' offset)
   */
  public String readText(int maxLength) throws IOException {
    if (!readLine(maxLength)) {
      return null;
    }
    int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
    return decodeUtf8(line, 0, end, lineNumber, lineOffset);
  }

  /**
   * Decodes {@code bytes[from, from + length)} as strict UTF-8 (no replacement characters).
   *
   * @param lineNo the line the bytes come from, for messages (-1 if none)
   * @param offset the offset in the input of {@code bytes[from]}, for messages
   * @throws TextFormatException naming the offset of the first invalid byte
   */
  public String decodeUtf8(byte[] bytes, int from, int length, long lineNo, long offset)
      throws TextFormatException {
    if (decoder == null) {
      decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    if (chars == null || chars.capacity() < length) {
      chars = CharBuffer.allocate(Math.max(length, 256));
    }
    chars.clear();
    ByteBuffer src = ByteBuffer.wrap(bytes, from, length);
    decoder.reset();
    CoderResult r = decoder.decode(src, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      int at = src.position();
      StringBuilder hex = new StringBuilder();
      for (int i = at; i < Math.min(from + length, at + Math.max(r.length(), 1)); i++) {
        hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
      }
      throw TextFormatException.at(source, lineNo, offset + (at - from),
          "expected UTF-8 text, found the invalid byte sequence " + hex);
    }
    chars.flip();
    return chars.toString();
  }

  /** A {@link TextFormatException} about the last line read: names source, line and offset. */
  public TextFormatException error(String what) {
    return TextFormatException.at(source, lineNumber, lineOffset, what);
  }

  /** The next byte (0..255), or -1 at end of input. */
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  /** Reads up to {@code n} bytes into {@code dst}; returns the count (less only at EOF). */
  public int read(byte[] dst, int offset, int n) throws IOException {
    int done = 0;
    while (done < n) {
      if (position == limit && !fill()) {
        break;
      }
      int chunk = Math.min(n - done, limit - position);
      System.arraycopy(buffer, position, dst, offset + done, chunk);
      position += chunk;
      done += chunk;
    }
    return done;
  }

  private void append(int start, int length, int maxLength) throws IOException {
    if ((long) lineLength + length > maxLength) {
      throw TextFormatException.at(source, lineNumber, lineOffset, "expected a line of at most "
          + maxLength + " bytes, found no line end within " + maxLength + " bytes");
    }
    if (lineLength + length > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + length, Math.min(maxLength,
          2 * line.length)));
    }
    System.arraycopy(buffer, start, line, lineLength, length);
    lineLength += length;
  }

  private boolean fill() throws IOException {
    consumedBefore += limit;
    position = 0;
    limit = 0;
    int n = in.read(buffer, 0, BUFFER);
    while (n == 0) {
      n = in.read(buffer, 0, BUFFER);
    }
    if (n < 0) {
      return false;
    }
    limit = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
