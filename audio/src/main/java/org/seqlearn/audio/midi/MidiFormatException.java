package org.seqlearn.audio.midi;

/**
 * A MIDI file that is malformed, truncated or lies about its sizes. The message names the file
 * (when known), the byte offset, what was expected there and what was found.
 */
public final class MidiFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final long offset;

  /**
   * @param source the file's name, or null when reading bytes
   * @param offset byte offset in the file where the problem was found
   * @param expected what a valid file has there
   * @param found what this file has there
   */
  public MidiFormatException(String source, long offset, String expected, String found) {
    super("malformed MIDI " + (source == null ? "" : source + " ") + "at byte offset " + offset
        + ": expected " + expected + ", found " + found);
    this.offset = offset;
  }

  /** Byte offset in the file where the problem was found. */
  public long offset() {
    return offset;
  }
}
