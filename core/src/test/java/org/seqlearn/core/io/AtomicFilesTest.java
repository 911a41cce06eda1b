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

  @Test
  void processDyingMidWriteLeavesThePreviousFile() throws Exception {
    Path target = dir.resolve("checkpoint.bin");
    Files.writeString(target, "previous");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashMidWrite.class.getName(),
        target.toString()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isEqualTo(3);
    assertThat(target).hasContent("previous");
    List<Path> left = listing();
    left.remove(target);
    assertThat(left).hasSize(1).allMatch(AtomicFiles::isTempFile);
    assertThat(Files.size(left.get(0))).isEqualTo(300_000);
  }

  @Test
  void recognisesItsTempNames() {
    assertThat(AtomicFiles.isTempFile(Path.of("/x/.model.bin.1f2e.tmp"))).isTrue();
    assertThat(AtomicFiles.isTempFile(Path.of("/x/model.bin"))).isFalse();
  }
}
