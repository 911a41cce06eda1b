package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.TextFormatException;
import org.seqlearn.nlp.text.CorpusScanner;
import org.seqlearn.nlp.text.CorpusTokenization;

/** Issue 13: token-cache varints beyond 32 bits, corrupt or truncated gzip corpora. */
class CorruptCorpusAndCacheTest {

  @TempDir Path dir;

  private static final TokenCache.Sink IGNORE = new TokenCache.Sink() {
    @Override
    public void word(int id) {}

    @Override
    public void endOfLine() {}
  };

  @Test
  void aFiveByteVarintWithBitsAbove32IsRefusedNotTruncated() throws IOException {
    // 0x82 0x80 0x80 0x80 0x10 is 2 + 2^32: id 0 once the high bit is dropped
    Path file = dir.resolve("ids");
    Files.write(file, new byte[] {(byte) 0x82, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10});
    assertThatThrownBy(() -> TokenCache.replay(file, 1000, IGNORE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file + ": expected a varint of at most 5 bytes and 32 bits, found "
            + "a fifth byte 0x10 (more than 32 bits) at byte 4");
    // the largest 5-byte varint the writer produces still replays
    try (TokenCache.Writer w = new TokenCache.Writer(file)) {
      w.write(Integer.MAX_VALUE - 2);
    }
    List<Integer> ids = new ArrayList<>();
    TokenCache.replay(file, Integer.MAX_VALUE, new TokenCache.Sink() {
      @Override
      public void word(int id) {
        ids.add(id);
      }

      @Override
      public void endOfLine() {}
    });
    assertThat(ids).containsExactly(Integer.MAX_VALUE - 2);
  }

  @Test
  void aTruncatedOrCorruptGzipCorpusNamesTheFile() throws IOException {
    Path good = PlantedCorpus.write(dir, 200, 3, true);
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.txt.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    CorpusScanner scanner = new CorpusScanner(CorpusTokenization.WHITESPACE);
    CorpusScanner.Sink sink = new CorpusScanner.Sink() {
      @Override
      public void token(char[] buf, int offset, int length) {}

      @Override
      public void endOfLine() {}
    };
    assertThatThrownBy(() -> scanner.scan(cut, sink)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(cut + ": expected gzip-compressed data, found the file "
            + "truncated within the first " + bytes.length / 2 + " bytes");
    Path notGzip = dir.resolve("plain.txt.gz");
    Files.writeString(notGzip, "just text\n");
    assertThatThrownBy(() -> scanner.scan(notGzip, sink)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(notGzip + ": expected gzip-compressed data, found corrupt data "
            + "(Not in GZIP format)");
  }

  @Test
  void invalidUtf8InACorpusIsRefusedWithItsLineNotReplaced() throws IOException {
    Path corpus = dir.resolve("latin1.txt");
    Files.write(corpus, new byte[] {'a', ' ', 'b', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    List<String> tokens = new ArrayList<>();
    CorpusScanner.Sink sink = new CorpusScanner.Sink() {
      @Override
      public void token(char[] buf, int offset, int length) {
        tokens.add(new String(buf, offset, length));
      }

      @Override
      public void endOfLine() {}
    };
    assertThatThrownBy(() -> new CorpusScanner(CorpusTokenization.WHITESPACE).scan(corpus, sink))
        .isInstanceOf(TextFormatException.class)
        .hasMessageStartingWith(corpus + ": expected UTF-8 text, found an invalid byte sequence "
            + "within the first 9 bytes");
    assertThat(tokens).doesNotContain("caf\uFFFD");
  }
}
