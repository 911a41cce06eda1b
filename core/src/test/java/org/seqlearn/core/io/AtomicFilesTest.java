package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write never damages the previous file nor leaves a temporary file behind. */
class AtomicFilesTest {

  @TempDir Path dir;

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }

  @Test
  void writesANewFile() throws IOException {
    Path target = dir.resolve("new.txt");
    AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
    assertThat(target).hasContent("hello");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path target = dir.resolve("file.bin");
    Files.writeString(target, "a much longer previous content");
    AtomicFiles.writeBytes(target, "short".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("short");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void channelVariantWritesWhatTheBodyWrites() throws IOException {
    Path target = dir.resolve("chan.bin");
    AtomicFiles.writeChannel(target, ch -> {
      ch.write(ByteBuffer.wrap(new byte[] {1, 2}));
      ch.write(ByteBuffer.wrap(new byte[] {3}));
    });
    assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
  }

  @Test
  void bodyClosingTheStreamIsHarmless() throws IOException {
    Path target = dir.resolve("closed.txt");
    AtomicFiles.write(target, out -> {
      out.write('x');
      out.close();
    });
    assertThat(target).hasContent("x");
  }

  @Test
  void failingBodyKeepsThePreviousFileAndRemovesTheTemp() throws IOException {
    Path target = dir.resolve("model.safetensors");
    Files.writeString(target, "previous");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(new byte[200_000]); // past the stream buffer: really on disk
      throw new IOException("disk full (simulated)");
    })).isInstanceOf(IOException.class).hasMessageContaining("simulated");
    assertThatThrownBy(() -> AtomicFiles.writeChannel(target, ch -> {
      ch.write(ByteBuffer.allocate(1000));
      throw new IllegalStateException("bug in the body");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(target).hasContent("previous");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void failingFirstWriteLeavesNothing() {
    Path target = dir.resolve("never.txt");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write(1);
      throw new IOException("boom");
    })).hasMessage("boom");
    assertThat(target).doesNotExist();
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void keepsPosixPermissionsOfTheReplacedFile() throws IOException {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews()
        .contains("posix"));
    Path target = dir.resolve("perm.txt");
    Files.writeString(target, "v1");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.writeBytes(target, new byte[] {'v', '2'});
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r-----");
  }

  /** Child process: starts replacing args[0], then dies abruptly mid-write (no finally runs). */
  public static final class CrashMidWrite {
    public static void main(String[] args) throws IOException {
      AtomicFiles.write(Path.of(args[0]), out -> {
        out.write(new byte[300_000]);
        out.flush();
        Runtime.getRuntime().halt(3);
      });
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs {@link CrashMidWrite} on {@code target}; returns its exit code. */
  private static int crashMidWrite(Path target) throws Exception {
    Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashMidWrite.class.getName(),
        target.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    return p.exitValue();
  }

  @Test
  void processDyingMidWriteLeavesThePreviousFile() throws Exception {
    Path target = dir.resolve("checkpoint.bin");
    Files.writeString(target, "previous");
    assertThat(crashMidWrite(target)).isEqualTo(3);
    assertThat(target).hasContent("previous");
    List<Path> left = listing();
    left.remove(target);
    assertThat(left).hasSize(1).allMatch(AtomicFiles::isTempFile);
    assertThat(Files.size(left.get(0))).isEqualTo(300_000);
  }

  @Test
  void aSaveAfterACrashRemovesTheCrashedSavesTempFile() throws Exception {
    Path target = dir.resolve("checkpoint.bin");
    Files.writeString(target, "previous");
    assertThat(crashMidWrite(target)).isEqualTo(3);
    assertThat(listing()).hasSize(2);
    AtomicFiles.writeBytes(target, "next".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("next");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void leftoversOfDeadProcessesAndOfThisProcessAreRemovedOthersKept() throws Exception {
    Path target = dir.resolve("w.bin");
    Process done = new ProcessBuilder(javaBin(), "-version").start();
    done.waitFor(60, TimeUnit.SECONDS);
    long deadPid = done.pid();
    long self = ProcessHandle.current().pid();
    long livePid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
    Path dead = dir.resolve(".w.bin.tmp-" + deadPid + "-1a2b");
    Path mineUnused = dir.resolve(".w.bin.tmp-" + self + "-3c");
    Path liveForeign = dir.resolve(".w.bin.tmp-" + livePid + "-4d");
    Path otherTarget = dir.resolve(".other.bin.tmp-" + deadPid + "-5e");
    Path notOurs = dir.resolve(".w.bin.tmp-backup");
    for (Path p : List.of(dead, mineUnused, liveForeign, otherTarget, notOurs)) {
      Files.writeString(p, "junk");
    }
    AtomicFiles.writeBytes(target, new byte[] {1});
    assertThat(listing()).containsExactlyInAnyOrder(target, liveForeign, otherTarget, notOurs);
  }

  @Test
  void aLiveSaveInThisProcessKeepsItsTempFile() throws IOException {
    Path target = dir.resolve("shared.bin");
    AtomicFiles.write(target, out -> {
      out.write(new byte[100_000]);
      List<Path> during = listing();
      assertThat(during).hasSize(1).allMatch(AtomicFiles::isTempFile);
      AtomicFiles.writeBytes(target, new byte[] {7}); // a second save to the same target
      assertThat(listing()).containsAll(during);
    });
    assertThat(Files.size(target)).isEqualTo(100_000);
    assertThat(listing()).containsExactly(target);
  }

  /** Child process: starts replacing args[0], then waits holding its temp file until killed. */
  public static final class HangMidWrite {
    public static void main(String[] args) throws IOException {
      AtomicFiles.write(Path.of(args[0]), out -> {
        out.write(new byte[1000]);
        out.flush();
        System.out.println("writing");
        System.out.flush();
        try {
          Thread.sleep(120_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  @Test
  void aLiveSaveInAnotherProcessKeepsItsTempFile() throws Exception {
    Path target = dir.resolve("model.bin");
    Process p = new ProcessBuilder(javaBin(), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), HangMidWrite.class.getName(), target.toString())
        .start();
    try {
      assertThat(new String(p.getInputStream().readNBytes(7), StandardCharsets.UTF_8))
          .isEqualTo("writing");
      List<Path> live = listing();
      assertThat(live).hasSize(1).allMatch(AtomicFiles::isTempFile);
      AtomicFiles.writeBytes(target, new byte[] {1});
      assertThat(listing()).containsAll(live).contains(target);
    } finally {
      p.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
    }
    AtomicFiles.writeBytes(target, new byte[] {2}); // the writer is dead now: its file goes
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void errorsNameTheTargetNeverTheTempFile() throws IOException {
    Path missingDir = dir.resolve("no-such-dir").resolve("out.bin");
    assertThatThrownBy(() -> AtomicFiles.writeBytes(missingDir, new byte[1]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missingDir.toString()).hasMessageNotContaining(".tmp-");
    Path directory = Files.createDirectory(dir.resolve("a-directory"));
    assertThatThrownBy(() -> AtomicFiles.writeBytes(directory, new byte[1]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(directory.toString()).hasMessageContaining("directory")
        .hasMessageNotContaining(".tmp-");
  }

  @Test
  void recognisesItsTempNames() {
    assertThat(AtomicFiles.isTempFile(Path.of("/x/.model.bin.tmp-1234-1f2e"))).isTrue();
    assertThat(AtomicFiles.isTempFile(Path.of("/x/model.bin"))).isFalse();
    assertThat(AtomicFiles.isTempFile(Path.of("/x/.model.bin.tmp-backup"))).isFalse();
  }
}
