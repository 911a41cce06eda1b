package org.seqlearn.core.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}: the body of an {@link AtomicFiles} write.
 *
 * @param <T> what the body writes to (an output stream or a file channel)
 */
@FunctionalInterface
public interface IoConsumer<T> {

  /** Writes to {@code target}; throwing abandons the write and keeps the previous file. */
  void accept(T target) throws IOException;
}
