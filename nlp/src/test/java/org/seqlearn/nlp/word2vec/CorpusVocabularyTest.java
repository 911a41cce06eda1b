package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.text.CorpusScanner;
import org.seqlearn.nlp.text.CorpusTokenization;
import org.seqlearn.nlp.text.Text8Tokenizer;

class CorpusVocabularyTest {

  @TempDir Path dir;

  @Test
  void text8TokensAreLowerCaseLetterRuns() throws IOException {
    String text = "The CAT's 3 hats—Émile’s café\nK\u212Aelvin x2y\n\nlast";
    assertThat(new Text8Tokenizer().tokenize(text))
        .containsExactly("the", "cat", "s", "hats", "mile", "s", "caf", "kkelvin", "x", "y",
            "last");
    Path file = dir.resolve("c.txt");
    Files.writeString(file, text);
    List<String> streamed = new ArrayList<>();
    int[] lines = new int[1];
    new CorpusScanner(CorpusTokenization.TEXT8).scan(file, new CorpusScanner.Sink() {
      @Override
      public void token(char[] buf, int offset, int length) {
        streamed.add(new String(buf, offset, length));
      }

      @Override
      public void endOfLine() {
        lines[0]++;
      }
    });
    assertThat(streamed).isEqualTo(new Text8Tokenizer().tokenize(text));
    assertThat(lines[0]).isEqualTo(4);
  }

  @Test
  void vocabularyIsSortedByCountThenWordAndAppliesMinCount() throws IOException {
    Path file = dir.resolve("v.txt");
    Files.writeString(file, "b a b c a b d d\nrare Rare-RARE x\n");
    CorpusVocabulary v = CorpusVocabulary.build(file, CorpusTokenization.TEXT8, 2);
    assertThat(v.words()).containsExactly("b", "rare", "a", "d");
    assertThat(v.counts()).containsExactly(3, 3, 2, 2);
    assertThat(v.rawWords()).isEqualTo(12);
    assertThat(v.retainedWords()).isEqualTo(10);
    assertThat(v.lines()).isEqualTo(2);
    assertThat(v.id("d")).isEqualTo(3);
    assertThat(v.id("c")).isEqualTo(-1);
    CorpusVocabulary w = CorpusVocabulary.build(file, CorpusTokenization.WHITESPACE, 1);
    assertThat(w.words()).contains("Rare-RARE").doesNotContain("rare-rare");
  }

  @Test
  void text8RefusesACorpusItWouldCollapseAndWhitespaceKeepsIt() throws IOException {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      ids.append('w').append(i).append(i % 20 == 19 ? "\n" : " ");
    }
    Path file = Files.writeString(dir.resolve("ids.txt"), ids);
    assertThatThrownBy(() -> CorpusVocabulary.build(file, CorpusTokenization.TEXT8, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TEXT8 tokenizer dropped 82% of the non-space characters")
        .hasMessageContaining("88,890 of 108,890").hasMessageContaining("--tokenizer whitespace");
    assertThat(CorpusVocabulary.build(file, CorpusTokenization.WHITESPACE, 1).size())
        .isEqualTo(20000);
  }

  @Test
  void theScannerCountsWhatTheTokenisationDrops() throws IOException {
    CorpusScanner scanner = new CorpusScanner(CorpusTokenization.TEXT8);
    scanner.scan(new java.io.StringReader("ab, 12 c\n"), new CorpusScanner.Sink() {
      @Override
      public void token(char[] buf, int offset, int length) {}

      @Override
      public void endOfLine() {}
    });
    assertThat(scanner.tokenCharacters()).isEqualTo(3);
    assertThat(scanner.droppedCharacters()).isEqualTo(3);
    assertThat(scanner.droppedFraction()).isEqualTo(0.5);
  }
}
