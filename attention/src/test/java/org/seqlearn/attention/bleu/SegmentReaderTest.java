package org.seqlearn.attention.bleu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentReaderTest {
  @TempDir Path dir;

  private List<String> lines(byte[] content, int maxLineBytes) throws IOException {
    Path p = dir.resolve("f.txt");
    Files.write(p, content);
    List<String> out = new ArrayList<>();
    try (SegmentReader r = SegmentReader.open(p, maxLineBytes)) {
      String line;
      while ((line = r.next()) != null) {
        out.add(line);
      }
      assertThat(r.linesRead()).isEqualTo(out.size());
    }
    return out;
  }

  @Test
  void splitsOnNewlineOnlyLikePythonWithNewlineArgument() throws IOException {
    byte[] text = "a b\r\n\nc\u00e9\u2028d\nlast".getBytes(StandardCharsets.UTF_8);
    assertThat(lines(text, 100)).containsExactly("a b\r", "", "c\u00e9\u2028d", "last");
    assertThat(lines(new byte[0], 100)).isEmpty();
    assertThat(lines("x\n".getBytes(StandardCharsets.UTF_8), 100)).containsExactly("x");
  }

  @Test
  void longLinesCrossingBufferBoundariesStayWhole() throws IOException {
    char[] big = new char[200_000];
    Arrays.fill(big, 'z');
    String s = new String(big);
    byte[] text = (s + "\n" + s + "\u00e9").getBytes(StandardCharsets.UTF_8);
    assertThat(lines(text, 1 << 20)).containsExactly(s, s + "\u00e9");
  }

  @Test
  void rejectsInvalidUtf8AndOverlongLines() throws IOException {
    byte[] bad = {'o', 'k', '\n', 'a', 'b', (byte) 0xFF, '\n'};
    assertThatThrownBy(() -> lines(bad, 100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid UTF-8 on line 2 at byte offset 5");
    byte[] truncated = {'a', (byte) 0xE2, (byte) 0x82};
    assertThatThrownBy(() -> lines(truncated, 100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1 at byte offset 1");
    byte[] longLine = "abc\nabcdefghijk\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> lines(longLine, 8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2 (byte offset 4) is longer than 8 bytes");
  }
}
