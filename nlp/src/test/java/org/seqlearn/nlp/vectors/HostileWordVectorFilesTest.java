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
import org.seqlearn.core.io.TextFormatException;

/**
 * Regression tests of issue 13 for the word-vector readers: headers that claim more than the file
 * holds, the word rule shared with the writer, NaN and infinities, messages naming the file.
 */
class HostileWordVectorFilesTest {

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aGzipCompressedFileIsRefusedByName() throws IOException {
    Path gz = dir.resolve("vectors.txt.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("1 2\nking 1 0\n".getBytes(StandardCharsets.UTF_8));
    }
    for (WordVectorFormat f : WordVectorFormat.values()) {
      assertThatThrownBy(() -> WordVectorReader.read(gz, f))
          .isInstanceOf(WordVectorFormatException.class)
          .hasMessage(gz + ": expected an uncompressed vectors file, found gzip-compressed data; "
              + "decompress it first (gunzip)");
    }
  }

  @Test
  void zeroWordsWithAHugeDimensionIsRejectedWhateverTheLimit() throws IOException {
    // issue 13: 12 bytes, zero words, D = 600000000 -> NegativeArraySizeException or OOM
    Path bin = write("huge.bin", "0 600000000\n");
    for (WordVectorFormat f : List.of(WordVectorFormat.WORD2VEC_BINARY,
        WordVectorFormat.WORD2VEC_TEXT)) {
      for (int limit : new int[] {Integer.MAX_VALUE, 0}) {
        assertThatThrownBy(() -> WordVectorReader.read(bin, f, limit))
            .isInstanceOf(WordVectorFormatException.class)
            .hasMessageStartingWith(bin.toString())
            .hasMessageContaining("expected D <= 1048576 dimensions, found D=600000000");
      }
    }
  }

  @Test
  void theHeadersWordCountIsCheckedAgainstTheFileEvenWithLimitZero() throws IOException {
    Path bin = write("lie.bin", "10000000 30\nab ");
    assertThatThrownBy(() -> WordVectorReader.read(bin, WordVectorFormat.WORD2VEC_BINARY, 0))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessageContaining("10000000 x 30 vectors need at least 1219999999 bytes");
    Path txt = write("lie.txt", "5 3\na 1 2 3\n");
    assertThatThrownBy(() -> WordVectorReader.read(txt, WordVectorFormat.WORD2VEC_TEXT, 1))
        .hasMessageContaining("5 x 3 vectors need at least 34 bytes after the header, but the "
            + "file has only 8");
  }

  @Test
  void zeroWordsWithASaneDimensionRoundTripsThroughTheWriter() throws IOException {
    for (WordVectorFormat f : WordVectorFormat.values()) {
      if (f == WordVectorFormat.GLOVE_TEXT) {
        continue; // no header: an empty GloVe file has no dimension
      }
      Path in = write("empty." + f, "0 300\n");
      WordVectors v = WordVectorReader.read(in, f);
      assertThat(v.size()).isZero();
      assertThat(v.dimension()).isEqualTo(300);
      Path out = dir.resolve("out." + f);
      v.save(out, f);
      assertThat(Files.readString(out)).isEqualTo("0 300\n");
    }
    assertThatThrownBy(() -> WordVectors.of(List.of(), new float[0], 600_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension must be in [1, 1048576], got 600000000");
  }

  @Test
  void wordsWithCarriageReturnsOrNewlinesAreRefusedOnReadAsOnSave() throws IOException {
    assertThatThrownBy(() -> WordVectorReader.read(write("cr.txt", "1 2\na\rb 1 2\n"),
        WordVectorFormat.WORD2VEC_TEXT))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessageContaining("line 2: expected a word of valid UTF-16 without spaces, tabs, "
            + "newlines or carriage returns, found one that holds char 13 at index 1");
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("1 1\n".getBytes(StandardCharsets.US_ASCII))
        .put("a\nb ".getBytes(StandardCharsets.US_ASCII)).putFloat(1f);
    Path bin = write("nl.bin", Arrays.copyOf(b.array(), b.position()));
    assertThatThrownBy(() -> WordVectorReader.read(bin, WordVectorFormat.WORD2VEC_BINARY))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessageContaining("byte offset 4: expected a word of valid UTF-16")
        .hasMessageContaining("holds char 10 at index 1");
    for (String word : List.of("a\rb", "a\nb", "a b", "a\tb")) {
      WordVectors v = WordVectors.of(List.of(word), new float[] {1f}, 1);
      assertThatThrownBy(() -> v.save(dir.resolve("w.txt"), WordVectorFormat.WORD2VEC_TEXT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected words of valid UTF-16 without spaces, tabs, newlines");
    }
  }

  @Test
  void unpairedSurrogatesAreRefusedOnSaveInsteadOfWrittenAsQuestionMarks() {
    WordVectors v = WordVectors.of(List.of("ok", "bad\uD83D"), new float[] {1f, 2f}, 1);
    for (WordVectorFormat f : WordVectorFormat.values()) {
      Path out = dir.resolve("s." + f);
      assertThatThrownBy(() -> v.save(out, f)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("word #1")
          .hasMessageContaining("unpaired surrogate U+D83D at index 3");
      assertThat(out).doesNotExist();
    }
  }

  @Test
  void nanAndInfinityAreRejectedByDefaultAndAllowedOnRequest() throws IOException {
    Path txt = write("nan.txt", "2 2\na 1 2\nb 3 inf\n");
    assertThatThrownBy(() -> WordVectors.load(txt, WordVectorFormat.WORD2VEC_TEXT))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessage(txt + ": line 3: value 2 of the vector of 'b' is Infinity; expected finite "
            + "values (read with NonFinitePolicy.ALLOW or WARN to accept them)");
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("1 2\n".getBytes(StandardCharsets.US_ASCII)).put("a ".getBytes(StandardCharsets.US_ASCII))
        .putFloat(Float.NaN).putFloat(1f);
    Path bin = write("nan.bin", Arrays.copyOf(b.array(), b.position()));
    assertThatThrownBy(() -> WordVectors.load(bin, WordVectorFormat.WORD2VEC_BINARY))
        .hasMessage(bin + ": byte offset 6: value 1 of the vector of 'a' is NaN; expected finite "
            + "values (read with NonFinitePolicy.ALLOW or WARN to accept them)");
    for (NonFinitePolicy p : List.of(NonFinitePolicy.WARN, NonFinitePolicy.ALLOW)) {
      assertThat(WordVectorReader.read(txt, WordVectorFormat.WORD2VEC_TEXT, 10, p).matrix())
          .containsExactly(1, 2, 3, Float.POSITIVE_INFINITY);
      assertThat(WordVectorReader.read(bin, WordVectorFormat.WORD2VEC_BINARY, 10, p).matrix())
          .containsExactly(Float.NaN, 1);
    }
  }

  @Test
  void invalidUtf8AndLongLinesNameTheFileAndLine() throws IOException {
    Path utf = write("bad.txt", new byte[] {'1', ' ', '1', '\n', 'a', (byte) 0xFF, ' ', '1',
        '\n'});
    assertThatThrownBy(() -> WordVectors.load(utf, WordVectorFormat.WORD2VEC_TEXT))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessage(utf + ": line 2: expected a UTF-8 word, found invalid bytes 61ff");
    Path longLine = write("long.txt", "1 1\na " + "1".repeat(3 << 20) + "\n");
    assertThatThrownBy(() -> WordVectors.load(longLine, WordVectorFormat.WORD2VEC_TEXT))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessageStartingWith(longLine + ": line 2: expected a line of at most 1048640 bytes");
  }

  @Test
  void evaluationFilesBoundTheirLinesAndNameFileAndLine() throws IOException {
    WordVectors v = WordVectors.of(List.of("a", "b", "c", "d"), new float[] {1, 0, 0, 1, 1, 1,
        -1, 0}, 2);
    Path questions = write("q.txt", ": s\na b c d\n" + "x".repeat((1 << 20) + 5) + "\n");
    assertThatThrownBy(() -> v.evaluateWordAnalogies(questions))
        .isInstanceOf(TextFormatException.class)
        .hasMessage(questions + " line 3: expected a line of at most 1048576 bytes, found no line "
            + "end within 1048576 bytes (byte offset 12)");
    Path pairs = write("p.tsv", new byte[] {'a', '\t', 'b', '\t', '1', '\n', (byte) 0xC3, '\n'});
    assertThatThrownBy(() -> v.evaluateWordPairs(pairs))
        .isInstanceOf(TextFormatException.class)
        .hasMessage(pairs + " line 2: expected UTF-8 text, found the invalid byte sequence c3 "
            + "(byte offset 6)");
    Path early = write("early.txt", "a b c d\n");
    assertThatThrownBy(() -> v.evaluateWordAnalogies(early))
        .isInstanceOf(WordVectorFormatException.class)
        .hasMessage(early + " line 1: expected a section header ': name' before the first "
            + "question, found 'a b c d' (byte offset 0)");
  }
}
