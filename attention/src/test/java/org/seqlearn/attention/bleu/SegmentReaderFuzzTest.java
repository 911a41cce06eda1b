package org.seqlearn.attention.bleu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link SegmentReader} (the {@code bleu} command's hypothesis and
 * reference files): every mutated file either reads to its end or fails with the documented
 * {@link IllegalArgumentException} (invalid UTF-8, an over-long line); nothing else escapes.
 */
class SegmentReaderFuzzTest {

  @TempDir Path dir;

  @Test
  void segmentFiles() {
    List<byte[]> seeds = List.of(
        "The cat sat on the mat.\nIt's 3.5% — “quoted” text.\n\nÜnïcödé \uD800\uDF48 line\n"
            .getBytes(StandardCharsets.UTF_8),
        "a\r\nb\r\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("segments.txt");
    MutationFuzzer.Report r = MutationFuzzer.run("BLEU segments", seeds, 12, 1500, input -> {
      Files.write(file, input);
      try (SegmentReader in = SegmentReader.open(file, 4096)) {
        long n = 0;
        while (in.next() != null) {
          n++;
        }
        if (n > input.length + 1) {
          throw new AssertionError(n + " lines from " + input.length + " bytes");
        }
      }
    }, e -> e instanceof IllegalArgumentException && e.getMessage().startsWith(file.toString()));
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
