package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.text.CorpusTokenization;

class BatchReaderTest {

  @TempDir Path dir;

  /** Every batch of {@code epochs} passes, as strings that compare by content. */
  private static List<String> batches(Path corpus, CorpusVocabulary vocab, int maxSentence,
      int epochs, boolean cache) throws Exception {
    BlockingQueue<SentenceBatch> queue = new ArrayBlockingQueue<>(100_000);
    new BatchReader(corpus, vocab, CorpusTokenization.TEXT8, maxSentence, queue, () -> false,
        cache).run(epochs);
    List<String> out = new ArrayList<>();
    for (SentenceBatch b : queue) {
      out.add(b.epoch + " " + b.rawWords + " " + b.length + " "
          + Arrays.toString(Arrays.copyOf(b.words, b.length)) + " "
          + Arrays.toString(Arrays.copyOf(b.ends, b.sentences)));
    }
    return out;
  }

  @Test
  void laterEpochsReplayTheTokenCacheWithIdenticalBatches() throws Exception {
    Path corpus = PlantedCorpus.write(dir, 4000, 5, true);
    // a rare word outside the vocabulary, an empty line and a long line that is cut
    Path text = dir.resolve("mixed.txt");
    Files.writeString(text, "rare gama gamb\n\n" + "gama cbxa ".repeat(30) + "\ngamb gama");
    CorpusVocabulary mixed = CorpusVocabulary.build(text, CorpusTokenization.TEXT8, 2);
    assertThat(mixed.id("rare")).isEqualTo(-1);
    for (Path file : List.of(corpus, text)) {
      CorpusVocabulary vocab = file == text ? mixed
          : CorpusVocabulary.build(file, CorpusTokenization.TEXT8, 1);
      List<String> streamed = batches(file, vocab, 7, 3, false);
      List<String> cached = batches(file, vocab, 7, 3, true);
      assertThat(cached).isEqualTo(streamed);
      assertThat(streamed.stream().map(s -> s.charAt(0)).distinct()).containsExactly('0', '1',
          '2');
    }
  }

  @Test
  void tokenCacheRoundTripsIdsAndRejectsCorruptFiles() throws IOException {
    Path file = dir.resolve("ids");
    int[] ids = {0, 1, -1, 125, 126, 127, 16_383, 1 << 20, TokenCache.END_OF_LINE, 3};
    try (TokenCache.Writer w = new TokenCache.Writer(file)) {
      for (int id : ids) {
        w.write(id);
      }
    }
    List<Integer> back = new ArrayList<>();
    TokenCache.replay(file, (1 << 20) + 1, new TokenCache.Sink() {
      @Override
      public void word(int id) {
        back.add(id);
      }

      @Override
      public void endOfLine() {
        back.add(TokenCache.END_OF_LINE);
      }
    });
    assertThat(back).containsExactly(Arrays.stream(ids).boxed().toArray(Integer[]::new));
    TokenCache.Sink ignore = new TokenCache.Sink() {
      @Override
      public void word(int id) {}

      @Override
      public void endOfLine() {}
    };
    assertThatThrownBy(() -> TokenCache.replay(file, 1000, ignore))
        .hasMessageContaining("expected an id in [-1, 1000), got 16383");
    Files.write(file, new byte[] {(byte) 0x85});
    assertThatThrownBy(() -> TokenCache.replay(file, 1000, ignore))
        .hasMessageContaining("ends inside a varint");
    Files.write(file, new byte[] {-1, -1, -1, -1, -1, 1});
    assertThatThrownBy(() -> TokenCache.replay(file, 1000, ignore))
        .hasMessageContaining("longer than 5 bytes");
  }
}
