package org.seqlearn.nlp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a temporary file in the same directory, is
 * forced to disk, and is renamed over the target only when complete, so a failure never leaves
 * a partial file behind.
 *
 * <p>Internal to seqlearn-nlp: a stop-gap until {@code org.seqlearn.core.io.AtomicFiles} is
 * available in this module's dependencies, at which point callers switch to it.
 */
public final class AtomicFileOutput {

  /** The body of a write: fills the given stream (which it must not close). */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFileOutput() {}

  /** Writes {@code target} atomically with the bytes {@code body} produces. */
  public static void write(Path target, Body body) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path temp = createSibling(dir, absolute.getFileName().toString());
    boolean done = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream raw = java.nio.channels.Channels.newOutputStream(channel);
          OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 16)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Creates an empty temporary file next to the target. Unlike {@link Files#createTempFile} it
   * gets the default permissions (umask), not owner-only, since it becomes the final file.
   */
  private static Path createSibling(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate = dir.resolve("." + name + "." + Long.toHexString(
          ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }
}
