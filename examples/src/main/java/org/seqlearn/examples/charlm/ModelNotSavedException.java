package org.seqlearn.examples.charlm;

/**
 * The run finished, but its model was not saved because it is not better than the saved one, or
 * not finite (see {@link BestModelGuard}); the message says which and how to force the save.
 */
public final class ModelNotSavedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ModelNotSavedException(String message) {
    super(message);
  }
}
