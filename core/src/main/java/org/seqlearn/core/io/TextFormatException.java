package org.seqlearn.core.io;

import java.io.IOException;

/**
 * A text (or line-oriented) file that does not match its format: a line too long, bytes that are
 * not UTF-8, a field that is not what the format says. The message names the file, the line
 * and/or byte offset, what was expected and what was found; {@link #line()} and {@link
 * #byteOffset()} give the position to programs.
 */
public class TextFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long byteOffset;

  /**
   * An exception whose message is {@code message} as given.
   *
   * @param line the 1-based line of the problem, or -1 when not applicable
   * @param byteOffset the byte offset of the problem in the file, or -1 when unknown
   */
  public TextFormatException(String message, long line, long byteOffset) {
    super(message);
    this.line = line;
    this.byteOffset = byteOffset;
  }

  /**
   * An exception for a problem in {@code source}: the message reads {@code "<source> line <n>:
   * <what> (byte offset <b>)"}, or {@code "<source> at byte offset <b>: <what>"} without a line,
   * leaving out the parts that are -1.
   */
  public static TextFormatException at(String source, long line, long byteOffset, String what) {
    return new TextFormatException(message(source, line, byteOffset, what), line, byteOffset);
  }

  /** The message {@link #at} gives. */
  public static String message(String source, long line, long byteOffset, String what) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(" line ").append(line);
    } else if (byteOffset >= 0) {
      sb.append(" at byte offset ").append(byteOffset);
    }
    sb.append(": ").append(what);
    if (line > 0 && byteOffset >= 0) {
      sb.append(" (byte offset ").append(byteOffset).append(')');
    }
    return sb.toString();
  }

  /** The 1-based line number of the problem, or -1 when not applicable (binary data). */
  public long line() {
    return line;
  }

  /** The byte offset of the problem in the file, or -1 when unknown. */
  public long byteOffset() {
    return byteOffset;
  }
}
