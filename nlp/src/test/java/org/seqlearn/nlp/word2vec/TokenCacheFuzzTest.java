package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link TokenCache#replay}: every replayed id is in the vocabulary,
 * and a corrupt file fails with an {@link IOException}.
 */
class TokenCacheFuzzTest {

  @TempDir Path dir;

  @Test
  void tokenCache() throws IOException {
    int vocabulary = 70_000;
    Path seed = dir.resolve("seed.ids");
    Random random = new Random(5);
    try (TokenCache.Writer w = new TokenCache.Writer(seed)) {
      for (int i = 0; i < 200; i++) {
        int kind = random.nextInt(10);
        w.write(kind == 0 ? TokenCache.END_OF_LINE : kind == 1 ? -1
            : random.nextInt(kind < 5 ? 100 : vocabulary));
      }
    }
    Path input = dir.resolve("input.ids");
    TokenCache.Sink check = new TokenCache.Sink() {
      @Override
      public void word(int id) {
        if (id < -1 || id >= vocabulary) {
          throw new IllegalStateException("replayed id " + id + " outside [-1, " + vocabulary
              + ")");
        }
      }

      @Override
      public void endOfLine() {}
    };
    MutationFuzzer.Report r = MutationFuzzer.run("word2vec token cache",
        List.of(Files.readAllBytes(seed)), 91, 800, bytes -> {
          Files.write(input, bytes);
          TokenCache.replay(input, vocabulary, check);
        }, e -> e instanceof IOException);
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
