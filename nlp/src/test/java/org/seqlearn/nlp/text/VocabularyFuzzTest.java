package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;
import org.seqlearn.core.io.TextFormatException;

/** Seeded mutation fuzzing of {@link VocabularyFile#read}: parse or {@link TextFormatException}. */
class VocabularyFuzzTest {

  @TempDir Path dir;

  @Test
  void vocabularyFile() throws IOException {
    Path seed = dir.resolve("seed.txt");
    Vocabulary.builder().add(List.of("the", "the", "a\\b", "tab\there", "new\nline", "日本", "😀"))
        .add("rare", 0).add("huge", 5_000_000_000L).build().save(seed);
    Path input = dir.resolve("input.txt");
    MutationFuzzer.Report r = MutationFuzzer.run("vocabulary file",
        List.of(Files.readAllBytes(seed)), 61, 600, bytes -> {
          Files.write(input, bytes);
          VocabularyFile.read(input);
        }, e -> e instanceof TextFormatException);
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
