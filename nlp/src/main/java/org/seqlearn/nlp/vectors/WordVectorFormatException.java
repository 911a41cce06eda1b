package org.seqlearn.nlp.vectors;

import java.io.IOException;

/**
 * A word-vector file does not match its format. The message names the line (text formats) or
 * byte offset (binary), what was expected and what was found.
 */
public final class WordVectorFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long byteOffset;

  WordVectorFormatException(String message, long line, long byteOffset) {
    super(message);
    this.line = line;
    this.byteOffset = byteOffset;
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
