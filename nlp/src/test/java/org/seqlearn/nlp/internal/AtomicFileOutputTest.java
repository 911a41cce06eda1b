package org.seqlearn.nlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOutputTest {

  @TempDir Path dir;

  @Test
  void replacesTargetOnlyWhenCompleteAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.txt");
    Files.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFileOutput.write(target, out -> {
      out.write("partial".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    AtomicFileOutput.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writtenFileIsNotOwnerOnly() throws IOException {
    Path target = dir.resolve("perm.txt");
    AtomicFileOutput.write(target, out -> out.write(1));
    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // The same permissions as any newly created file (umask), not createTempFile's 0600.
      Path plain = Files.createFile(dir.resolve("plain.txt"));
      assertThat(Files.getPosixFilePermissions(target))
          .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
  }
}
