package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentDatasetTest {

  @Test
  void readsTsvFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("d.tsv");
    Files.writeString(f, "label\tsentence\n1\ta fine film .\n\n0\tdull , dull , dull\n");
    SentimentDataset d = SentimentDataset.read(f);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.get(0)).isEqualTo(new SentimentExample(1, "a fine film ."));
    assertThat(d.labels()).containsExactly(1, 0);
    assertThat(d.numClasses()).isEqualTo(2);
  }

  @Test
  void reportsErrorsWithLineNumbers() {
    assertThatThrownBy(() -> SentimentDataset.parse("", "x.tsv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.tsv:1:");
    assertThatThrownBy(() -> SentimentDataset.parse("text\tlabel\n", "x.tsv"))
        .hasMessageContaining("x.tsv:1:").hasMessageContaining("header");
    assertThatThrownBy(() -> SentimentDataset.parse("label\tsentence\n1\tok\n1 no tab\n", "x"))
        .hasMessageContaining("x:3:").hasMessageContaining("no tab");
    assertThatThrownBy(() -> SentimentDataset.parse("label\tsentence\npos\tok\n", "x"))
        .hasMessageContaining("x:2:").hasMessageContaining("not an integer");
    assertThatThrownBy(() -> SentimentDataset.parse("label\tsentence\n-1\tok\n", "x"))
        .hasMessageContaining("x:2:").hasMessageContaining("negative");
    assertThatThrownBy(() -> SentimentDataset.parse("label\tsentence\n1\ta\tb\n", "x"))
        .hasMessageContaining("x:2:").hasMessageContaining("tab");
  }

  @Test
  void foldsPartitionTheExamples() {
    SentimentDataset d = SyntheticSentiment.lexical(23, 1);
    List<Fold> folds = d.folds(5, 42);
    assertThat(folds).hasSize(5);
    int[] seen = new int[23];
    for (Fold f : folds) {
      assertThat(f.test().length).isBetween(4, 5);
      assertThat(f.train().length + f.test().length).isEqualTo(23);
      Set<Integer> train = new HashSet<>();
      for (int i : f.train()) {
        train.add(i);
      }
      for (int i : f.test()) {
        seen[i]++;
        assertThat(train).doesNotContain(i);
      }
    }
    assertThat(seen).containsOnly(1);
    assertThat(d.folds(5, 42).get(2).test()).containsExactly(folds.get(2).test());
    assertThat(d.folds(5, 43).get(0).test()).isNotEqualTo(folds.get(0).test());
    assertThatThrownBy(() -> d.folds(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shuffleIsSeededPermutation() {
    SentimentDataset d = SyntheticSentiment.lexical(50, 1);
    SentimentDataset a = d.shuffled(7);
    assertThat(a.examples()).isEqualTo(d.shuffled(7).examples());
    assertThat(a.examples()).isNotEqualTo(d.examples());
    assertThat(a.examples()).containsExactlyInAnyOrderElementsOf(d.examples());
  }
}
