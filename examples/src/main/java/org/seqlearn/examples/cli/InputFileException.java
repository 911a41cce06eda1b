package org.seqlearn.examples.cli;

/**
 * A command's input or output file is unusable: missing, a directory, unreadable, unwritable or
 * malformed. The message is complete for the user: it names the file (and the option that gave
 * it) and the problem.
 */
final class InputFileException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InputFileException(String message) {
    super(message);
  }

  InputFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
