package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllReaderTest {

  private static List<TaggedSentence> read(ConllReader reader, String text) throws IOException {
    return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.txt");
  }

  @Test
  void readsSentencesSeparatedByBlankOrWhitespaceLines() throws IOException {
    String text = "\nHarry NNP B-PER\r\n"
        + "Potter NNP I-PER\n \t \nand CC O\n\n\n\uD83D\uDE00 X B-MISC";
    List<TaggedSentence> s = read(new ConllReader(), text);
    assertThat(s).hasSize(3);
    assertThat(s.get(0).tokens()).containsExactly("Harry", "Potter");
    assertThat(s.get(0).tags()).containsExactly("B-PER", "I-PER");
    assertThat(s.get(0).firstLine()).isEqualTo(2);
    assertThat(s.get(1).firstLine()).isEqualTo(5);
    assertThat(s.get(2).tokens()).containsExactly("\uD83D\uDE00");
    assertThat(s.get(2).firstLine()).isEqualTo(8);
  }

  @Test
  void readsChosenColumnsWithAnySeparator() throws IOException {
    String text = "New York\tNNP\tB-LOC\tx\nis\tVBZ\tO\tx\n";
    List<TaggedSentence> s = read(new ConllReader().withSeparator("\t").withColumns(0, 2), text);
    assertThat(s.get(0).tokens()).containsExactly("New York", "is");
    assertThat(s.get(0).tags()).containsExactly("B-LOC", "O");
    List<TaggedSentence> t = read(new ConllReader().withSeparator(" ||| ").withColumns(-2, -1),
        "a ||| b ||| O\n");
    assertThat(t.get(0).tokens()).containsExactly("b");
  }

  @Test
  void errorsNameTheFileAndLine() {
    ConllReader reader = new ConllReader();
    assertThatThrownBy(() -> read(reader, "a B-PER\nb\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.txt:2: expected 2 columns (as on the first token line), got 1");
    assertThatThrownBy(() -> read(reader.withColumns(0, 3), "\na B-PER\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("f.txt:2: expected columns 0 (token) and 3 (tag), got 2");
    assertThatThrownBy(() -> read(reader.withSeparator("\t"), "a\t\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f.txt:1: expected a "
            + "non-empty token and tag");
    assertThatThrownBy(() -> read(reader.withMaxLineBytes(10), "a O\n\nabcdefghi O\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("f.txt:3: line longer than 10 bytes");
    byte[] bad = {'a', ' ', 'O', '\n', 'b', ' ', (byte) 0xC3, '\n'};
    assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(bad), "f.txt"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f.txt:2: invalid "
            + "UTF-8");
  }

  @Test
  void writerOutputReadsBack(@TempDir Path dir) throws IOException {
    List<TaggedSentence> in = List.of(
        new TaggedSentence(List.of("Hermione", "\uD800\uDF48"), List.of("B-PER", "O")),
        new TaggedSentence(List.of("x"), List.of("S-LOC")));
    Path file = dir.resolve("out.conll");
    new ConllWriter("\t").write(file, in);
    List<TaggedSentence> back = new ConllReader().withSeparator("\t").read(file);
    assertThat(back).extracting(TaggedSentence::tokens)
        .containsExactly(in.get(0).tokens(), in.get(1).tokens());
    assertThat(back).extracting(TaggedSentence::tags)
        .containsExactly(in.get(0).tags(), in.get(1).tags());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConllWriter().write(out, in.subList(1, 2));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x S-LOC\n\n");
  }

  @Test
  void writerRejectsFieldsThatWouldNotReadBackAndWritesNothing(@TempDir Path dir) {
    Path file = dir.resolve("out.conll");
    List<TaggedSentence> bad = List.of(new TaggedSentence(List.of("New York"), List.of("B-LOC")));
    assertThatThrownBy(() -> new ConllWriter().write(file, bad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"New York\"");
    assertThat(Files.exists(file)).isFalse();
  }
}
