package org.seqlearn.audio.wav;

/**
 * A WAV file that is malformed, truncated or lies about its sizes. The message names what was
 * expected, what was found and the byte offset where it was found.
 */
public final class WavFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * @param offset byte offset in the file where the problem was found
   * @param expected what a valid file has there
   * @param found what this file has there
   */
  public WavFormatException(long offset, String expected, String found) {
    super("malformed WAV at byte offset " + offset + ": expected " + expected + ", found " + found);
    this.offset = offset;
  }

  /** The same problem, its message prefixed with the file it was found in. */
  WavFormatException(String file, WavFormatException cause) {
    super(file + ": " + cause.getMessage(), cause);
    this.offset = cause.offset;
  }

  /** Byte offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
