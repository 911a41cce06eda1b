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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write never damages the previous file nor leaves a temporary file behind. */
class AtomicFilesTest {

  @TempDir Path dir;

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
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

  @Test
  void recognisesItsTempNames() {
    assertThat(AtomicFiles.isTempFile(Path.of("/x/.model.bin.1f2e.tmp"))).isTrue();
    assertThat(AtomicFiles.isTempFile(Path.of("/x/model.bin"))).isFalse();
  }
}
