package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.NonFinitePolicy;

class WordVectorFormatTest {

  @TempDir Path dir;

  private static WordVectors sample() {
    List<String> words = List.of("the", "日本", "москва", "emoji😀", "naïve", "x");
    float[] m = new float[words.size() * 3];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) Math.sin(i * 1.7) * (i % 5 == 0 ? 1e-7f : 3.25f);
    }
    m[4] = Float.MIN_VALUE;
    m[5] = -0.0f;
    return WordVectors.of(words, m, 3);
  }

  @Test
  void everyFormatRoundTripsExactlyWithMultiByteWords() throws IOException {
    WordVectors original = sample();
    for (WordVectorFormat format : WordVectorFormat.values()) {
      Path file = dir.resolve("v." + format);
      original.save(file, format);
      WordVectors back = WordVectors.load(file, format);
      assertThat(back.words()).as(format.name()).isEqualTo(original.words());
      assertThat(back.matrix()).as(format.name()).isEqualTo(original.matrix());
      assertThat(back.indexOf("москва")).isEqualTo(2);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void binaryIsTheCToolLayout() throws IOException {
    Path file = dir.resolve("v.bin");
    WordVectors.of(List.of("é"), new float[] {1.5f, -2f}, 2).save(file,
        WordVectorFormat.WORD2VEC_BINARY);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer expected = ByteBuffer.allocate(4 + 3 + 8 + 1).order(ByteOrder.LITTLE_ENDIAN);
    expected.put("1 2\n".getBytes(StandardCharsets.US_ASCII)).put((byte) 0xc3).put((byte) 0xa9)
        .put((byte) ' ').putFloat(1.5f).putFloat(-2f).put((byte) '\n');
    assertThat(bytes).isEqualTo(expected.array());
  }

  @Test
  void limitReadsOnlyTheFirstVectors() throws IOException {
    WordVectors all = WordVectors.load(Fixtures.path("vectors.bin"),
        WordVectorFormat.WORD2VEC_BINARY);
    for (WordVectorFormat f : new WordVectorFormat[] {WordVectorFormat.WORD2VEC_BINARY,
        WordVectorFormat.WORD2VEC_TEXT}) {
      String name = f == WordVectorFormat.WORD2VEC_BINARY ? "vectors.bin" : "vectors.txt";
      WordVectors first = WordVectorReader.read(Fixtures.path(name), f, 10);
      assertThat(first.words()).isEqualTo(all.words().subList(0, 10));
      assertThat(first.matrix()).isEqualTo(Arrays.copyOf(all.matrix(), 10 * all.dimension()));
    }
    assertThat(all.restrictVocab(10).words()).isEqualTo(all.words().subList(0, 10));
  }

  @Test
  void textToleratesCrLfTabsBlankLinesAndKeepsFirstDuplicate() throws IOException {
    Path file = write("3 2\r\na 1 2\r\n\r\nb\t3   4 \r\na 5 6\r\n\n");
    WordVectors v = WordVectors.load(file, WordVectorFormat.WORD2VEC_TEXT);
    assertThat(v.words()).containsExactly("a", "b");
    assertThat(v.matrix()).containsExactly(1, 2, 3, 4);
    Path glove = write("a 1e-3 -2.5E2\nb nan -inf\n");
    WordVectors g = WordVectorReader.read(glove, WordVectorFormat.GLOVE_TEXT, Integer.MAX_VALUE,
        NonFinitePolicy.ALLOW);
    assertThat(g.dimension()).isEqualTo(2);
    assertThat(g.matrix()).containsExactly(1e-3f, -250f, Float.NaN, Float.NEGATIVE_INFINITY);
  }

  @Test
  void binaryAcceptsGensimLayoutWithoutNewlines() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("2 1\n".getBytes(StandardCharsets.US_ASCII)).put("a ".getBytes(StandardCharsets.UTF_8))
        .putFloat(1f).put("b ".getBytes(StandardCharsets.UTF_8)).putFloat(2f);
    Path file = dir.resolve("g.bin");
    Files.write(file, Arrays.copyOf(b.array(), b.position()));
    WordVectors v = WordVectors.load(file, WordVectorFormat.WORD2VEC_BINARY);
    assertThat(v.words()).containsExactly("a", "b");
    assertThat(v.matrix()).containsExactly(1f, 2f);
  }

  @Test
  void wrongNumberOfValuesNamesLineExpectedAndFound() throws IOException {
    expectError(write("2 3\na 1 2 3\nb 1 2\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 3: expected 3 values after the word (D = 3 in the header), found 2");
    expectError(write("2 3\na 1 2 3\nb 1 2 3 4 5\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 3: expected 3 values after the word (D = 3 in the header), found 5");
    expectError(write("a 1 2\nb 1 2 3\n"), WordVectorFormat.GLOVE_TEXT,
        "line 2: expected 2 values after the word (D = 2 from line 1), found 3");
  }

  @Test
  void nonNumericTokenNamesLineAndToken() throws IOException {
    expectError(write("1 3\nword 0.5 zero 1\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 2, value 2 of 3: expected a number, found 'zero'");
    expectError(write("1 2\nword 0.5 1.5f\n"), WordVectorFormat.WORD2VEC_TEXT,
        "found '1.5f'");
    expectError(write("1 2\nword 0.5 0x1p3\n"), WordVectorFormat.WORD2VEC_TEXT,
        "found '0x1p3'");
  }

  @Test
  void headerProblemsAreNamed() throws IOException {
    expectError(write("300\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 1: expected a header 'V D' (two integers), found '300'");
    expectError(write(""), WordVectorFormat.WORD2VEC_TEXT, "found an empty file");
    expectError(write("3 2\na 1.0 2.0\nb 3.0 4.0\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 4: expected 3 vectors (header says 3), found only 2 before the end of the file");
    expectError(write("1 2\na 1 2\nb 3 4\n"), WordVectorFormat.WORD2VEC_TEXT,
        "line 3: expected the end of the file after 1 vectors");
  }

  @Test
  void lyingHeaderFailsBeforeAllocating() throws IOException {
    expectError(write("2000000000 2000000000\na 1 2\n"), WordVectorFormat.WORD2VEC_TEXT,
        "more than the limit of 2147483639");
    expectError(write("100000000 20\na 1 2\n"), WordVectorFormat.WORD2VEC_TEXT,
        "vectors need at least 4099999999 bytes after the header, but the file has only 6");
    Path bin = dir.resolve("lie.bin");
    Files.write(bin, "50000000 40\nab ".getBytes(StandardCharsets.US_ASCII));
    expectError(bin, WordVectorFormat.WORD2VEC_BINARY,
        "vectors need at least 8099999999 bytes after the header, but the file has only 3");
  }

  @Test
  void truncatedBinaryNamesByteOffsets() throws IOException {
    byte[] full = Files.readAllBytes(Fixtures.path("vectors.bin"));
    Path cut = dir.resolve("cut.bin");
    // Header "300 20\n" is 7 bytes; the first record is word + space + 80 bytes.
    Files.write(cut, Arrays.copyOf(full, full.length - 10));
    assertThatThrownBy(() -> WordVectors.load(cut, WordVectorFormat.WORD2VEC_BINARY))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessageContaining("truncated word2vec binary file: word #300")
        .hasMessageContaining("needs 20 x 4 = 80 bytes of vector data at byte offset")
        .hasMessageContaining("found 70; the file ends at byte offset " + (full.length - 10));
    Path noSpace = dir.resolve("nospace.bin");
    Files.write(noSpace, "1 1\nabcdefgh".getBytes(StandardCharsets.US_ASCII));
    expectError(noSpace, WordVectorFormat.WORD2VEC_BINARY,
        "truncated word2vec binary file: word #1 starting at byte offset 4 has no terminating space"
            + "; the file ends at byte offset 12");
  }

  @Test
  void invalidUtf8WordIsAnError() throws IOException {
    Path file = dir.resolve("bad.txt");
    Files.write(file, new byte[] {'1', ' ', '1', '\n', (byte) 0xc3, (byte) 0x28, ' ', '1', '\n'});
    expectError(file, WordVectorFormat.WORD2VEC_TEXT,
        "line 2: expected a UTF-8 word, found invalid bytes c328");
  }

  @Test
  void writerRejectsWordsWithWhitespace() {
    WordVectors v = WordVectors.of(List.of("new york"), new float[] {1}, 1);
    assertThatThrownBy(() -> v.save(dir.resolve("x.txt"), WordVectorFormat.WORD2VEC_TEXT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'new york'");
    assertThat(dir.resolve("x.txt")).doesNotExist();
  }

  private Path write(String content) throws IOException {
    Path file = Files.createTempFile(dir, "v", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static void expectError(Path file, WordVectorFormat format, String message) {
    assertThatThrownBy(() -> WordVectors.load(file, format))
        .isInstanceOf(WordVectorFormatException.class).hasMessageContaining(message);
  }
}
