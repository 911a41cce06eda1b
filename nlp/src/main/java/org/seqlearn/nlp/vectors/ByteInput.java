package org.seqlearn.nlp.vectors;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered byte reader that knows its offset in the file: lines for the text formats, exact
 * byte counts for the binary one. Lines longer than a fixed cap are an error, so a file without
 * newlines cannot make the reader buffer it whole.
 */
final class ByteInput implements Closeable {

  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER];
  private int position;
  private int limit;
  private long consumedBefore;
  private byte[] line = new byte[1024];
  private int lineLength;

  ByteInput(InputStream in) {
    this.in = in;
  }

  /** The offset of the next unread byte from the start of the input. */
  long offset() {
    return consumedBefore + position;
  }

  /** The last line read by {@link #readLine(int)}; valid up to {@link #lineLength()}. */
  byte[] line() {
    return line;
  }

  int lineLength() {
    return lineLength;
  }

  /**
   * Reads the next line, without its {@code \n} (a trailing {@code \r} is kept).
   *
   * @param maxLength longest allowed line in bytes
   * @return false at end of input (no bytes left)
   * @throws IOException if the line is longer than {@code maxLength}
   */
  boolean readLine(int maxLength) throws IOException {
    lineLength = 0;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any;
      }
      any = true;
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

  /** The next byte (0..255), or -1 at end of input. */
  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  /** Reads up to {@code n} bytes into {@code dst}; returns the count (less only at EOF). */
  int read(byte[] dst, int offset, int n) throws IOException {
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
      throw new WordVectorFormatException("line longer than " + maxLength
          + " bytes starting before byte offset " + (consumedBefore + start)
          + ": expected one word and its values per line", -1, consumedBefore + start);
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
