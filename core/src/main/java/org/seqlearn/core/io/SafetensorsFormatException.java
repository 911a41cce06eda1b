package org.seqlearn.core.io;

/**
 * A safetensors file (or byte array) that is corrupt, truncated or hostile. The message names the
 * source, the tensor when one is concerned, what was expected and what was found.
 */
public class SafetensorsFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** An exception with the given message. */
  public SafetensorsFormatException(String message) {
    super(message);
  }

  /** An exception with the given message and cause. */
  public SafetensorsFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
