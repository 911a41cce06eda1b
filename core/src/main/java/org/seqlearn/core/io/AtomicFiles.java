package org.seqlearn.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Crash-safe file replacement: the new content goes to a temporary file in the target's directory,
 * is forced to the storage device, and is then renamed over the target in one step.
 *
 * <p>Readers therefore see either the complete previous file or the complete new one, never a
 * partial write; if the body throws (or the process dies) the previous file is untouched, and on a
 * normal failure the temporary file is deleted. The rename is atomic where the file system
 * supports it ({@code ATOMIC_MOVE}); otherwise a plain replacing move is used. If the target
 * already exists, its POSIX permissions are carried over to the new file. A symbolic link at the
 * target is replaced by a regular file. Errors name the target, never the temporary file.
 *
 * <p><b>Temporary files and their cleanup.</b> The temporary file is named {@code .<target
 * name>.tmp-<pid>-<random hex>}, where {@code <pid>} is the writing process, and the writer holds
 * an exclusive lock on it while it writes. A process killed mid-write (kill -9, power loss) leaves
 * it behind; the next save to the same target removes such leftovers first. A leftover is removed
 * only when nobody can still be writing it, which this class decides as follows (see {@link
 * StaleTempFiles}): its pid is not a live process on this machine, or it is this process's pid but
 * no save in this process is using the file; and, in both cases, its lock can be taken (so a
 * writer on another machine sharing the directory, whose pid means nothing here, is left alone
 * while it holds its lock). A live save's file is therefore never removed; a leftover whose pid has
 * since been reused by an unrelated process is kept (harmless, removed once that pid is gone).
 *
 * <pre>{@code
 * AtomicFiles.write(path, out -> out.write(bytes));
 * AtomicFiles.writeChannel(path, channel -> channel.write(buffer));
 * }</pre>
 */
public final class AtomicFiles {

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
    if (Files.isDirectory(absolute)) {
      throw new FileSystemException(target.toString(), null, "is a directory, not a file");
    }
    StaleTempFiles.removeFor(absolute);
    Path temp = null;
    boolean done = false;
    try {
      FileChannel channel = null;
      for (int attempt = 0; channel == null; attempt++) {
        Path candidate = StaleTempFiles.newName(absolute);
        StaleTempFiles.register(candidate); // before it exists: no cleaner may take it
        try {
          channel = FileChannel.open(candidate, StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          temp = candidate; // only a file this call created is ever deleted
        } catch (FileAlreadyExistsException e) {
          StaleTempFiles.unregister(candidate);
          if (attempt >= 16) {
            throw e;
          }
        } catch (IOException e) {
          StaleTempFiles.unregister(candidate);
          throw namingTarget(e, target, dir);
        }
      }
      try (FileChannel c = channel) {
        StaleTempFiles.lock(c);
        body.accept(c);
        c.force(true);
      }
      copyPermissions(absolute, temp);
      try {
        move(temp, absolute);
      } catch (IOException e) {
        throw namingTarget(e, target, dir);
      }
      done = true;
      syncDirectory(dir);
    } finally {
      if (temp != null) {
        if (!done) {
          try {
            Files.deleteIfExists(temp);
          } catch (IOException suppressed) {
            // the original failure is the one worth reporting
          }
        }
        StaleTempFiles.unregister(temp);
      }
    }
  }

  /**
   * The file-system error of creating or renaming the temporary file, told about {@code target}
   * (a user asked to write the target and has never heard of the temporary file).
   */
  private static IOException namingTarget(IOException e, Path target, Path dir) {
    if (!(e instanceof FileSystemException fse)) {
      return e;
    }
    String reason = fse instanceof AccessDeniedException ? "permission denied"
        : fse instanceof NoSuchFileException ? "directory " + dir + " does not exist"
        : fse.getReason() != null ? fse.getReason() : fse.getClass().getSimpleName();
    FileSystemException named = fse instanceof AccessDeniedException
        ? new AccessDeniedException(target.toString(), null, "cannot write: " + reason)
        : new FileSystemException(target.toString(), null, "cannot write: " + reason);
    named.initCause(e);
    return named;
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
    return StaleTempFiles.isTempName(file);
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
