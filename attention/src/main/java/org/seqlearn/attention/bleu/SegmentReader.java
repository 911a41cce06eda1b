package org.seqlearn.attention.bleu;

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

  private final InputStream in;
  private final String name;
  private final int maxLineBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] buf = new byte[256];
  private long offset;
  private long line;

  private SegmentReader(InputStream in, String name, int maxLineBytes) {
    this.in = in;
    this.name = name;
    this.maxLineBytes = maxLineBytes;
  }

  /** Opens {@code file} with the default line limit. */
  public static SegmentReader open(Path file) throws IOException {
    return open(file, DEFAULT_MAX_LINE_BYTES);
  }

  /** Opens {@code file}; lines longer than {@code maxLineBytes} bytes are rejected. */
  public static SegmentReader open(Path file, int maxLineBytes) throws IOException {
    return new SegmentReader(Files.newInputStream(file), file.toString(), maxLineBytes);
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
    return line;
  }

  /** The next line without its "\n", or null at the end of the file. */
  public String next() throws IOException {
    int len = 0;
    boolean newline = false;
    while (!newline) {
      if (pos == limit) {
        limit = in.read(chunk, 0, chunk.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          break;
        }
      }
      int end = pos;
      while (end < limit && chunk[end] != '\n') {
        end++;
      }
      int take = end - pos;
      if ((long) len + take > maxLineBytes) {
        throw new IllegalArgumentException(name + ": line " + (line + 1) + " (byte offset "
            + offset + ") is longer than " + maxLineBytes + " bytes");
      }
      if (len + take > buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min((long) maxLineBytes,
            Math.max(2L * buf.length, (long) len + take)));
      }
      System.arraycopy(chunk, pos, buf, len, take);
      len += take;
      newline = end < limit;
      pos = newline ? end + 1 : end;
    }
    if (!newline && len == 0) {
      return null;
    }
    String text = decode(len);
    offset += len + (newline ? 1 : 0);
    line++;
    return text;
  }

  private String decode(int len) {
    ByteBuffer bytes = ByteBuffer.wrap(buf, 0, len);
    CharBuffer chars = CharBuffer.allocate(len);
    utf8.reset();
    CoderResult r = utf8.decode(bytes, chars, true);
    if (!r.isError()) {
      r = utf8.flush(chars);
    }
    if (r.isError()) {
      throw new IllegalArgumentException(name + ": invalid UTF-8 on line " + (line + 1)
          + " at byte offset " + (offset + bytes.position()));
    }
    chars.flip();
    return chars.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
