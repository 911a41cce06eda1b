package org.seqlearn.attention.bleu;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.seqlearn.core.io.LineInput;
import org.seqlearn.core.io.TextFormatException;

/**
 * Reads a line-aligned text file of segments (hypotheses or one reference stream), one line at a
 * time, the way sacreBLEU's command line opens them: strict UTF-8, lines end at "\n" only (a
 * "\r" before it stays part of the line, to be stripped as trailing whitespace), a last line
 * without "\n" counts. Invalid UTF-8 or a line longer than {@code maxLineBytes} is an
 * {@link IllegalArgumentException} naming the file, the line and the byte offset, so a hostile
 * file can neither exhaust memory nor be scored half-decoded.
 */
public final class SegmentReader implements Closeable {
  /** The default longest line accepted: 4 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 4 << 20;

  private final LineInput in;
  private final int maxLineBytes;

  private SegmentReader(LineInput in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Opens {@code file} with the default line limit. */
  public static SegmentReader open(Path file) throws IOException {
    return open(file, DEFAULT_MAX_LINE_BYTES);
  }

  /** Opens {@code file}; lines longer than {@code maxLineBytes} bytes are rejected. */
  public static SegmentReader open(Path file, int maxLineBytes) throws IOException {
    return new SegmentReader(LineInput.open(file), maxLineBytes);
  }

  /**
   * Counts the lines of {@code file}, checking every one as {@link #next()} would.
   *
   * @throws IllegalArgumentException on invalid UTF-8 or an over-long line
   */
  public static long countLines(Path file) throws IOException {
    try (SegmentReader r = open(file)) {
      while (r.next() != null) {
        // counted by the reader
      }
      return r.linesRead();
    }
  }

  /** How many lines {@link #next()} has returned. */
  public long linesRead() {
    return in.lineNumber();
  }

  /** The next line without its "\n", or null at the end of the file. */
  public String next() throws IOException {
    try {
      if (!in.readLine(maxLineBytes)) {
        return null;
      }
    } catch (TextFormatException e) {
      throw new IllegalArgumentException(in.source() + ": line " + in.lineNumber()
          + " (byte offset " + in.lineOffset() + ") is longer than " + maxLineBytes + " bytes", e);
    }
    try {
      return in.decodeUtf8(in.line(), 0, in.lineLength(), in.lineNumber(), in.lineOffset());
    } catch (TextFormatException e) {
      throw new IllegalArgumentException(in.source() + ": invalid UTF-8 on line "
          + in.lineNumber() + " at byte offset " + e.byteOffset(), e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
