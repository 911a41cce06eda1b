package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link SentimentDataset#read(Path)}: parse or the documented
 * {@link IllegalArgumentException} naming the file and line.
 */
class SentimentDatasetFuzzTest {

  @TempDir Path dir;

  @Test
  void sentimentTsv() throws IOException {
    byte[] seed = ("label\tsentence\n1\ta great film , truly\n0\tnot good\n\n4\tcafé 😀 ok\n")
        .getBytes(StandardCharsets.UTF_8);
    Path input = dir.resolve("input.tsv");
    MutationFuzzer.Report r = MutationFuzzer.run("sentiment TSV", List.of(seed), 71, 600,
        bytes -> {
          Files.write(input, bytes);
          SentimentDataset.read(input);
        }, e -> e instanceof IllegalArgumentException
            && e.getMessage().startsWith(input.toString()));
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
