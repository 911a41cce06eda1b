package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: a sentiment TSV's long lines, bad bytes and big labels name the file and line. */
class SentimentDatasetHostileTest {

  @TempDir Path dir;

  @Test
  void aLineWithoutEndIsBounded() throws Exception {
    Path f = dir.resolve("long.tsv");
    Files.writeString(f, "label\tsentence\n1\t" + "word ".repeat(300_000));
    assertThatThrownBy(() -> SentimentDataset.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + " line 2: expected a line of at most 1048576 bytes, found no line end "
            + "within 1048576 bytes (byte offset 15)");
  }

  @Test
  void aReadersLinesAreBoundedToo() {
    // a Reader over an endless line, never materialised as one string
    java.io.Reader endless = new java.io.Reader() {
      private boolean headerSent;

      @Override
      public int read(char[] buf, int off, int len) {
        if (!headerSent) {
          String h = "label\tsentence\n1\t";
          h.getChars(0, h.length(), buf, off);
          headerSent = true;
          return h.length();
        }
        java.util.Arrays.fill(buf, off, off + len, 'x');
        return len;
      }

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> SentimentDataset.read(endless, "stream"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stream:2: expected a line of at most 1048576 characters, found a longer one");
    assertThat(SentimentDataset.parse("label\tsentence\r\n1\tgood\r\n0\tbad", "s").size())
        .isEqualTo(2);
  }

  @Test
  void invalidUtf8NamesFileLineAndOffset() throws Exception {
    Path f = dir.resolve("bad.tsv");
    byte[] head = "label\tsentence\n1\tok\n0\tb".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xFE;
    bytes[head.length + 1] = '\n';
    Files.write(f, bytes);
    assertThatThrownBy(() -> SentimentDataset.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + " line 3: expected UTF-8 text, found the invalid byte sequence fe "
            + "(byte offset " + head.length + ")");
  }

  @Test
  void aLabelTooBigForAnIntSaysWhatIsExpected() throws Exception {
    Path f = dir.resolve("big.tsv");
    Files.writeString(f, "label\tsentence\n99999999999\tok\n");
    assertThatThrownBy(() -> SentimentDataset.read(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + ":2: label '99999999999' is not an integer in [0, 2147483647]");
  }
}
