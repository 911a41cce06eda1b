package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.nlp.text.Vocabulary;

/**
 * Seeded mutation fuzzing of {@link LanguageModelFile#load}: parse or {@link
 * SafetensorsFormatException}, and never an allocation beyond the file's size (the metadata's
 * sizes are checked against the stored tensors first).
 */
class LanguageModelFileFuzzTest {

  @TempDir Path dir;

  @Test
  void languageModelCheckpoint() throws IOException {
    Vocabulary vocabulary = Vocabulary.builder().add(List.of("a", "b", "a", "\n", "é")).build();
    List<byte[]> seeds = new ArrayList<>();
    int n = 0;
    for (CellType cell : CellType.values()) {
      Path file = dir.resolve("seed" + n++);
      LanguageModelFile.save(file, new RecurrentLanguageModel(new LanguageModelConfig(
          vocabulary.size(), 3, 4, 1 + n % 2, cell, n)), vocabulary);
      seeds.add(Files.readAllBytes(file));
    }
    Path input = dir.resolve("input.safetensors");
    MutationFuzzer.Report r = MutationFuzzer.run("language-model checkpoint", seeds, 81, 400,
        bytes -> {
          Files.write(input, bytes);
          LanguageModelFile.load(input);
        }, e -> e instanceof SafetensorsFormatException);
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
  }
}
