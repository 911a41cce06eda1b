package org.seqlearn.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the target's directory,
 * is forced to the storage device, and is then renamed over the target in one step.
 *
 * <p>Readers therefore see either the complete previous file or the complete new one, never a
 * partial write; if the body throws (or the process dies) the previous file is untouched, and on a
 * normal failure the temporary file is deleted. The rename is atomic where the file system
 * supports it ({@code ATOMIC_MOVE}); otherwise a plain replacing move is used. The temporary file
 * is named {@code .<target name>.<random>.tmp}. If the target already exists, its POSIX permissions
 * are carried over to the new file. A symbolic link at the target is replaced by a regular file.
 *
 * <!-- given: Path path, byte[] bytes, java.nio.ByteBuffer buffer -->
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * AtomicFiles.writeChannel(path, channel -> channel.write(buffer));
 * }</pre>
 */
public final class AtomicFiles {

  private static final String TEMP_SUFFIX = ".tmp";
  private static final int BUFFER_SIZE = 1 << 16;

  private AtomicFiles() {}

  /**
   * Atomically replaces {@code target} with what {@code body} writes to a buffered stream. The
   * body may close the stream; it is flushed and forced either way.
   *
   * @throws IOException from the body or the file system; the previous target is then intact
   */
  public static void write(Path target, IoConsumer<? super OutputStream> body) throws IOException {
    writeChannel(target, channel -> {
      OutputStream out = new NonClosingStream(
          new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE));
      body.accept(out);
      out.flush();
    });
  }

  /**
   * Atomically replaces {@code target} with what {@code body} writes to a {@link FileChannel}
   * opened for writing at position 0. The body must not close the channel.
   *
   * @throws IOException from the body or the file system; the previous target is then intact
   */
  public static void writeChannel(Path target, IoConsumer<? super FileChannel> body)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || absolute.getFileName() == null) {
      throw new IllegalArgumentException("target " + target + " has no parent directory");
    }
    Path temp = null;
    boolean done = false;
    try {
      FileChannel channel = null;
      for (int attempt = 0; channel == null; attempt++) {
        Path candidate = dir.resolve("." + absolute.getFileName() + "."
            + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + TEMP_SUFFIX);
        try {
          channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          temp = candidate; // only a file this call created is ever deleted
        } catch (FileAlreadyExistsException e) {
          if (attempt >= 16) {
            throw e;
          }
        }
      }
      try (FileChannel c = channel) {
        body.accept(c);
        c.force(true);
      }
      copyPermissions(absolute, temp);
      move(temp, absolute);
      done = true;
      syncDirectory(dir);
    } finally {
      if (!done && temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
          // the original failure is the one worth reporting
        }
      }
    }
  }

  /** Atomically replaces {@code target} with {@code bytes}. */
  public static void writeBytes(Path target, byte[] bytes) throws IOException {
    writeChannel(target, channel -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    });
  }

  /** True for a name this class uses for its temporary files (for cleanup tools and tests). */
  public static boolean isTempFile(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    return s.startsWith(".") && s.endsWith(TEMP_SUFFIX);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Keeps the mode of a file being replaced; best effort (not every file system has one). */
  private static void copyPermissions(Path from, Path to) {
    PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (src == null || dst == null || !Files.exists(from)) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = src.readAttributes().permissions();
      dst.setPermissions(permissions);
    } catch (IOException | UnsupportedOperationException e) {
      // the new file keeps the default mode
    }
  }

  /** Makes the rename itself durable; not possible on every platform, so best effort. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | RuntimeException e) {
      // e.g. Windows cannot open a directory as a channel; the rename has happened regardless
    }
  }

  /** Passes writes through in bulk; close() only flushes so the channel stays open for force. */
  private static final class NonClosingStream extends FilterOutputStream {
    NonClosingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
