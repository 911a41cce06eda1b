package org.seqlearn.examples.charlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;

/** Which models {@code charlm --save} may write over which files. */
class BestModelGuardTest {

  @TempDir Path dir;

  private Path savedWithScore(String score) throws IOException {
    Path file = dir.resolve("m.safetensors");
    Safetensors.write(file, Map.of("w", Tensor.wrap(new float[] {1}, 1)),
        Map.of(BestModelGuard.SCORE_KEY, score));
    return file;
  }

  @Test
  void aNonFiniteModelIsNeverSavedEvenWithOverwrite() throws IOException {
    Path none = dir.resolve("new.safetensors");
    for (boolean overwrite : new boolean[] {false, true}) {
      BestModelGuard g = BestModelGuard.open(none, overwrite);
      assertThat(g.refusal(Double.NaN)).contains("diverged");
      assertThat(g.refusal(Double.POSITIVE_INFINITY)).contains("diverged");
      assertThat(g.refusal(2.5)).isNull();
    }
  }

  @Test
  void onlyAStrictlyBetterScoreReplacesTheSavedOne() throws IOException {
    BestModelGuard g = BestModelGuard.open(savedWithScore("2.0"), false);
    assertThat(g.refusal(1.99)).isNull();
    assertThat(g.refusal(2.0)).contains("is not better than its 2.0000");
    assertThat(g.refusal(3.5)).contains("--overwrite");
    assertThat(BestModelGuard.open(savedWithScore("2.0"), true).refusal(3.5)).isNull();
  }

  @Test
  void aFileWithoutAScoreIsOnlyReplacedWhenAsked() throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "not a model");
    assertThatThrownBy(() -> BestModelGuard.open(file, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("--overwrite");
    assertThatThrownBy(() -> BestModelGuard.open(savedWithScore("NaN"), false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(BestModelGuard.open(file, true).refusal(1.0)).isNull();
  }
}
