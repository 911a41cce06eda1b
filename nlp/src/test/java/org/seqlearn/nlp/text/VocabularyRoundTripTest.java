package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.TextFormatException;

/**
 * What {@link VocabularyFile} writes it reads back identically (seeded property test), and a
 * malformed file fails naming the file, line and what was expected (issue 13).
 */
public class VocabularyRoundTripTest {

  private static final String[] PIECES = {"a", "é", "日本", "😀", "\n", "\r", "\t", "\\", "\\n",
      " ", "<unk>x", "0", "\u00A0"};
  private static final long[] COUNTS = {0, 1, 7, Integer.MAX_VALUE, 1L + Integer.MAX_VALUE,
      1L << 40, Long.MAX_VALUE};

  @TempDir Path dir;

  /** A random vocabulary: default specials, then random distinct tokens with extreme counts. */
  public static Vocabulary randomVocabulary(Random random) {
    Set<String> tokens = new LinkedHashSet<>(List.of(Vocabulary.PAD, Vocabulary.UNK,
        Vocabulary.EOS));
    int n = 3 + random.nextInt(40);
    while (tokens.size() < n) {
      StringBuilder sb = new StringBuilder();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      }
      tokens.add(sb.toString());
    }
    long[] counts = new long[n];
    for (int i = random.nextInt(4) == 0 ? 0 : 3; i < n; i++) {
      counts[i] = random.nextBoolean() ? COUNTS[random.nextInt(COUNTS.length)]
          : random.nextLong() & Long.MAX_VALUE;
    }
    // ids in an order unrelated to the counts: a reader must keep them
    return Vocabulary.of(new ArrayList<>(tokens), counts, 3, Vocabulary.UNK);
  }

  @Test
  void everyWrittenVocabularyReadsBackIdentically() throws IOException {
    Random random = new Random(13);
    Path file = dir.resolve("v.txt");
    for (int trial = 0; trial < 200; trial++) {
      Vocabulary v = randomVocabulary(random);
      v.save(file);
      Vocabulary back = Vocabulary.load(file);
      assertThat(back.tokens()).as("trial %d", trial).isEqualTo(v.tokens());
      assertThat(back.countsArray()).as("trial %d", trial).isEqualTo(v.countsArray());
      assertThat(back.specialCount()).isEqualTo(3);
      assertThat(back.unkId()).isEqualTo(1);
    }
  }

  @Test
  void unpairedSurrogatesAreRefusedOnSave() {
    Vocabulary v = Vocabulary.of(List.of("<pad>", "ok", "x\uDC00"), new long[3], 1, null);
    Path file = dir.resolve("s.txt");
    assertThatThrownBy(() -> v.save(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token #2 has an unpaired surrogate U+DC00 at char 1");
    assertThat(file).doesNotExist();
  }

  @Test
  void aHugeHeaderNumberNamesFileAndLine() throws IOException {
    Path file = dir.resolve("h.txt");
    Files.writeString(file, "seqlearn-vocabulary 1 specials=99999999999 unk=1\n");
    assertThatThrownBy(() -> VocabularyFile.read(file)).isInstanceOf(TextFormatException.class)
        .hasMessage(file + " line 1: expected specials and unk in [0, 2147483647], found "
            + "99999999999 (byte offset 0)");
  }

  @Test
  void invalidUtf8LongLinesAndBadEscapesNameFileAndLine() throws IOException {
    Path utf = dir.resolve("u.txt");
    byte[] head = "seqlearn-vocabulary 1 specials=0 unk=-1\nok\t1\n".getBytes(
        StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 4];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE2;
    bytes[head.length + 1] = '\t';
    bytes[head.length + 2] = '1';
    bytes[head.length + 3] = '\n';
    Files.write(utf, bytes);
    assertThatThrownBy(() -> VocabularyFile.read(utf)).isInstanceOf(TextFormatException.class)
        .hasMessage(utf + " line 3: expected UTF-8 text, found the invalid byte sequence e2 "
            + "(byte offset " + head.length + ")");
    Path big = dir.resolve("big.txt");
    Files.writeString(big, "seqlearn-vocabulary 1 specials=0 unk=-1\n" + "x".repeat(1 << 21));
    assertThatThrownBy(() -> VocabularyFile.read(big)).isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith(big + " line 2: expected a line of at most 1048576 bytes");
    Path escape = dir.resolve("e.txt");
    Files.writeString(escape, "seqlearn-vocabulary 1 specials=0 unk=-1\na\\qb\t3\n");
    assertThatThrownBy(() -> VocabularyFile.read(escape)).isInstanceOf(TextFormatException.class)
        .hasMessageContaining(escape + " line 2: expected only the escapes \\\\, \\n, \\r and "
            + "\\t in the token 'a\\qb'");
  }
}
