package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

  @TempDir Path dir;

  private static final List<List<String>> CORPUS = List.of(
      List.of("the", "cat", "sat", "on", "the", "mat"),
      List.of("the", "dog", "sat"),
      List.of("a", "cat", "é", "é"));

  @Test
  void specialsFirstThenFrequencyWithDeterministicTieBreak() {
    Vocabulary v = Vocabulary.builder().addAll(CORPUS).build();
    // the:3; cat, sat, é: 2 (code-point order: cat < sat < é); a, dog, mat, on: 1
    assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<eos>", "the", "cat", "sat", "é",
        "a", "dog", "mat", "on");
    assertThat(v.id("the")).isEqualTo(3);
    assertThat(v.id("zebra")).isEqualTo(v.unkId()).isEqualTo(1);
    assertThat(v.specialId(Vocabulary.PAD)).isZero();
    assertThat(v.count(3)).isEqualTo(3);
    assertThat(v.decode(v.encode(List.of("cat", "zebra")))).containsExactly("cat", "<unk>");
  }

  @Test
  void minCountAndMaxSize() {
    Vocabulary v = Vocabulary.builder().addAll(CORPUS).minCount(2).build();
    assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "<eos>", "the", "cat", "sat", "é");
    Vocabulary capped = Vocabulary.builder().addAll(CORPUS).maxSize(5).build();
    assertThat(capped.tokens()).containsExactly("<pad>", "<unk>", "<eos>", "the", "cat");
    assertThatThrownBy(() -> Vocabulary.builder().maxSize(2))
        .hasMessageContaining("maxSize must be >= the 3 special tokens, got 2");
  }

  @Test
  void oneHot() {
    Vocabulary v = Vocabulary.builder().addAll(CORPUS).build();
    float[] o = v.oneHot(4);
    assertThat(o).hasSize(11);
    assertThat(o[4]).isEqualTo(1f);
    assertThat(v.oneHot(new int[] {3, 0}).shape()).containsExactly(2, 11);
    assertThat(v.oneHot(new int[] {3, 0}).get(0, 3)).isEqualTo(1f);
    assertThatThrownBy(() -> v.oneHot(11)).hasMessageContaining("[0, 11), got 11");
  }

  @Test
  void saveLoadRoundTripsCharacterVocabularies() throws IOException {
    Vocabulary chars = Vocabulary.builder().specials(List.of("\n"), null)
        .addAll(List.of(new CharacterTokenizer(false).tokenize("a\tb\\c\r\nd😀 \n")))
        .build();
    Path file = dir.resolve("sub/vocab.txt");
    chars.save(file);
    Vocabulary back = Vocabulary.load(file);
    assertThat(back.tokens()).isEqualTo(chars.tokens());
    assertThat(back.unkId()).isEqualTo(-1);
    assertThat(back.count(0)).isEqualTo(2);
    assertThatThrownBy(() -> back.id("z")).hasMessageContaining("no unknown-token");
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(0))
        .isEqualTo("seqlearn-vocabulary 1 specials=1 unk=-1");

    Vocabulary words = Vocabulary.builder().addAll(CORPUS).build();
    words.save(file);
    assertThat(Vocabulary.load(file).tokens()).isEqualTo(words.tokens());
    assertThat(Vocabulary.load(file).unkId()).isEqualTo(1);
  }

  @Test
  void malformedFileNamesTheLine() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "seqlearn-vocabulary 1 specials=1 unk=0\n<unk>\t0\nthe\tmany\n");
    assertThatThrownBy(() -> Vocabulary.load(file))
        .hasMessageContaining("line 3: expected 'token<TAB>count', found 'the\tmany'");
    Files.writeString(file, "hello\n");
    assertThatThrownBy(() -> Vocabulary.load(file)).hasMessageContaining("line 1: expected");
  }
}
