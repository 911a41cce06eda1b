package org.seqlearn.audio.ctc.lm;

/**
 * An ARPA language-model file that is malformed, truncated or lies about its counts. The message
 * names the line, what was expected there and what was found.
 */
public final class ArpaFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long line;

  /**
   * @param line 1-based line number where the problem was found
   * @param expected what a valid file has there
   * @param found what this file has there
   */
  public ArpaFormatException(long line, String expected, String found) {
    super("malformed ARPA file at line " + line + ": expected " + expected + ", found " + found);
    this.line = line;
  }

  /** 1-based line number where the problem was found. */
  public long line() {
    return line;
  }
}
