package org.seqlearn.nlp.vectors;

import org.seqlearn.core.io.TextFormatException;

/**
 * A word-vector file does not match its format. The message names the file, the line (text
 * formats) or byte offset (binary), what was expected and what was found.
 */
public final class WordVectorFormatException extends TextFormatException {

  private static final long serialVersionUID = 1L;

  WordVectorFormatException(String message, long line, long byteOffset) {
    super(message, line, byteOffset);
  }
}
