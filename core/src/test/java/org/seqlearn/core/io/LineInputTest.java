package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineInputTest {

  private static LineInput of(byte[] bytes) {
    return new LineInput(new ByteArrayInputStream(bytes), "f.txt");
  }

  private static LineInput of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsLinesWithNumbersOffsetsAndCrLf() throws IOException {
    try (LineInput in = of("a\r\nbé\n\nlast")) {
      assertThat(in.readText(100)).isEqualTo("a");
      assertThat(in.lineNumber()).isEqualTo(1);
      assertThat(in.readText(100)).isEqualTo("bé");
      assertThat(in.lineOffset()).isEqualTo(3);
      assertThat(in.readText(100)).isEmpty();
      assertThat(in.readText(100)).isEqualTo("last");
      assertThat(in.lineNumber()).isEqualTo(4);
      assertThat(in.readText(100)).isNull();
    }
  }

  @Test
  void aLineWithoutEndFailsAtTheBoundNamingFileAndLine() {
    // 300 MB without a newline would be an OutOfMemoryError for BufferedReader.readLine
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    LineInput in = new LineInput(endless, "big.txt");
    assertThatThrownBy(() -> {
      in.readText(10);
      in.readText(1 << 20);
    }).isInstanceOf(TextFormatException.class)
        .hasMessage("big.txt line 1: expected a line of at most 10 bytes, found no line end "
            + "within 10 bytes (byte offset 0)");
  }

  @Test
  void invalidUtf8NamesFileLineAndTheBadBytesOffset() throws IOException {
    byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n'};
    try (LineInput in = of(bytes)) {
      in.readText(100);
      assertThatThrownBy(() -> in.readText(100)).isInstanceOf(TextFormatException.class)
          .hasMessage("f.txt line 2: expected UTF-8 text, found the invalid byte sequence c3 "
              + "(byte offset 5)")
          .satisfies(e -> assertThat(((TextFormatException) e).byteOffset()).isEqualTo(5));
    }
    try (LineInput in = of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
      // an encoded surrogate is not UTF-8 either
      assertThatThrownBy(() -> in.readText(100)).hasMessageContaining("invalid byte sequence");
    }
  }

  @Test
  void messagesWithoutLineNameTheOffset() {
    assertThat(TextFormatException.at("x.bin", -1, 17, "expected a space").getMessage())
        .isEqualTo("x.bin at byte offset 17: expected a space");
  }
}
