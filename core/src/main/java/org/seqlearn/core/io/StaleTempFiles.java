package org.seqlearn.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files of {@link AtomicFiles}: their names, {@code .<target name>.tmp-<pid>-<random
 * hex>}, and the removal of the ones an interrupted save left behind.
 *
 * <p>The rule, applied to each file named after the target being saved: it is removed only when
 * no save can still be writing it, that is when
 *
 * <ol>
 *   <li>its {@code <pid>} is not a live process on this machine, or is this process but no save
 *       of this process has registered it; and
 *   <li>its exclusive lock can be taken (writers hold one while they write, and the operating
 *       system drops it when the writer dies, even by kill -9; this protects a writer on another
 *       machine sharing the directory, whose pid is meaningless here).
 * </ol>
 *
 * When in doubt (the lock cannot be tried, the file vanished, the pid was reused by an unrelated
 * live process) the file is kept: a leftover costs disk space, a removed live file a failed save.
 */
final class StaleTempFiles {

  private static final String MARK = ".tmp-";
  private static final Pattern OWNER = Pattern.compile("(\\d{1,19})-[0-9a-f]{1,16}");
  private static final long PID = ProcessHandle.current().pid();

  /** Temporary files that saves of this process are writing (or about to create). */
  private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

  private StaleTempFiles() {}

  /** A fresh temporary name for {@code target} (absolute), in its directory. */
  static Path newName(Path target) {
    return target.resolveSibling("." + target.getFileName() + MARK + PID + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
  }

  static void register(Path temp) {
    ACTIVE.add(temp);
  }

  static void unregister(Path temp) {
    ACTIVE.remove(temp);
  }

  /** Takes the writer's lock on its own temporary file; best effort (not every file system). */
  static void lock(FileChannel channel) {
    try {
      channel.lock();
    } catch (IOException | UnsupportedOperationException e) {
      // without a lock, only the pid rule protects this file from other machines' cleaners
    }
  }

  /** True for a name of the form {@code .<name>.tmp-<pid>-<hex>}. */
  static boolean isTempName(Path file) {
    Path name = file.getFileName();
    String s = name == null ? "" : name.toString();
    int mark = s.lastIndexOf(MARK);
    return s.startsWith(".") && mark > 1 && OWNER.matcher(s.substring(mark + MARK.length()))
        .matches();
  }

  /** Removes the stale temporary files of {@code target} (absolute); never fails a save. */
  static void removeFor(Path target) {
    String prefix = "." + target.getFileName() + MARK;
    Path dir = target.getParent();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
        f -> f.getFileName().toString().startsWith(prefix))) {
      for (Path f : files) {
        Matcher m = OWNER.matcher(f.getFileName().toString().substring(prefix.length()));
        if (m.matches() && !maybeLive(f, Long.parseLong(m.group(1)))) {
          removeIfUnlocked(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // cleanup is a courtesy: the save itself must not fail because of it
    }
  }

  private static boolean maybeLive(Path file, long pid) {
    if (pid == PID) {
      return ACTIVE.contains(file);
    }
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void removeIfUnlocked(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE);
        FileLock lock = c.tryLock()) {
      if (lock != null) {
        Files.deleteIfExists(file);
      }
    } catch (OverlappingFileLockException | IOException e) {
      // held in this process, or cannot be tried: keep it
    }
  }
}
