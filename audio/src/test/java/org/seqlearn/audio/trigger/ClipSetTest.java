package org.seqlearn.audio.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;

class ClipSetTest {
  static Path fixtures() throws Exception {
    return Path.of(ClipSetTest.class.getResource("/org/seqlearn/audio/trigger/clips").toURI());
  }

  @Test
  void loadsTheGeneratedFixtureSetResampled() throws Exception {
    ClipSet c = ClipSet.load(fixtures(), 44_100);
    assertThat(c.triggers()).hasSize(3);
    assertThat(c.negatives()).hasSize(3);
    assertThat(c.backgrounds()).hasSize(4);
    // 1 s backgrounds written at 16 kHz, resampled to 44.1 kHz
    assertThat(c.backgrounds().get(0)).hasSize(44_100);
    for (float[] t : c.triggers()) {
      assertThat(t.length).isBetween(44_100 / 4, 44_100 * 2);
    }
  }

  @Test
  void committedTrainingClipsAvoidTheVoicesReservedForEvaluation() throws Exception {
    java.util.List<String> rows = Files.readAllLines(fixtures().resolve("manifest.tsv"));
    assertThat(rows.get(0)).startsWith("path\tkind\tword\tvoice");
    for (String row : rows.subList(1, rows.size())) {
      String voice = row.split("\t", -1)[3].toLowerCase(java.util.Locale.ROOT).split("\\+")[0];
      assertThat(voice).as(row).isNotIn("en-029", "en-gb-x-gbcwmd", "en-us-nyc");
    }
  }

  @Test
  void courseSizedExampleGivesTheCourseFeatureShape() throws Exception {
    ClipSet f = ClipSet.load(fixtures(), 44_100);
    float[] bg = new float[441_000];
    for (int i = 0; i < bg.length; i++) {
      bg[i] = f.backgrounds().get(1)[i % 44_100];
    }
    ClipSet c = new ClipSet(44_100, f.triggers(), f.negatives(), java.util.List.of(bg));
    TrainingExample ex = ExampleSynthesizer.course(c, 1).next();
    Tensor x = TriggerFeatures.of(ex.audio());
    assertThat(x.shape()).containsExactly(5511, 101);
    assertThat(ex.labels()).hasSize(1375);
  }

  @Test
  void refusesPathsLeavingTheFolderAndUnknownKinds(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("manifest.tsv"), "path\tkind\n../x.wav\ttrigger\n");
    assertThatThrownBy(() -> ClipSet.load(dir, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("../x.wav");
    Files.writeString(dir.resolve("manifest.tsv"), "path\tkind\na.wav\tnoise\n");
    assertThatThrownBy(() -> ClipSet.load(dir, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'noise'");
    Files.writeString(dir.resolve("manifest.tsv"), "file,kind\n");
    assertThatThrownBy(() -> ClipSet.load(dir, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("header");
  }
}
