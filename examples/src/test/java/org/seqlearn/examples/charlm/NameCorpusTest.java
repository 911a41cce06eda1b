package org.seqlearn.examples.charlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.TextFormatException;

class NameCorpusTest {

  @TempDir Path dir;

  @Test
  void builtInCorpusIsSortedDistinctLowerCaseNames() {
    List<String> names = NameCorpus.builtIn();
    assertThat(names.size()).isBetween(600, 3000);
    assertThat(names).doesNotHaveDuplicates().isSorted();
    assertThat(names).contains("buenos aires", "tokyo", "france", "south africa", "swahili",
        "norwegian bokmål");
    assertThat(names).allSatisfy(n -> {
      assertThat(n).isEqualTo(n.toLowerCase(Locale.ROOT)).isEqualTo(n.strip());
      assertThat(n).doesNotContain("_", "/").doesNotContainPattern("[0-9+]");
    });
    assertThat(NameCorpus.builtIn()).isEqualTo(names);
  }

  @Test
  void cityNamesSkipAbbreviationsAndEtc() {
    assertThat(NameCorpus.cityNames()).contains("buenos aires", "port of spain", "kolkata")
        .doesNotContain("act", "nsw", "gmt", "utc", "eastern");
  }

  @Test
  void textFileGivesItsNonBlankLines() throws Exception {
    Path file = dir.resolve("names.txt");
    Files.writeString(file, "\uFEFFaachenosaurus\n\n  Zuniceratops \r\naachenosaurus\n",
        StandardCharsets.UTF_8);
    assertThat(NameCorpus.read(file))
        .containsExactly("aachenosaurus", "Zuniceratops", "aachenosaurus");
    Path blank = dir.resolve("blank.txt");
    Files.writeString(blank, "\n \n");
    assertThatThrownBy(() -> NameCorpus.read(blank)).hasMessageContaining("non-blank line");
  }

  @Test
  void aLineWithoutEndOrWithBadBytesNamesFileAndLine() throws Exception {
    Path big = dir.resolve("big.txt");
    Files.writeString(big, "ok\n" + "x".repeat(3 << 20), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NameCorpus.read(big)).isInstanceOf(TextFormatException.class)
        .hasMessage(big + " line 2: expected a line of at most 1048576 bytes, found no line end "
            + "within 1048576 bytes (byte offset 3)");
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'a', '\n', 'b', (byte) 0xC0, (byte) 0xAF, '\n'});
    assertThatThrownBy(() -> NameCorpus.read(bad)).isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith(bad + " line 2: expected UTF-8 text, found the invalid byte "
            + "sequence c0");
  }
}
