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
    List<Integer> back = replayed(file, 0, Long.MAX_VALUE, (1 << 20) + 1);
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

  /** The words and line ends replayed from {@code [from, to)} of a cache, as ids. */
  private static List<Integer> replayed(Path cache, long from, long to, int vocabSize)
      throws IOException {
    List<Integer> out = new ArrayList<>();
    TokenCache.replay(cache, from, to, vocabSize, new TokenCache.Sink() {
      @Override
      public void word(int id) {
        out.add(id);
      }

      @Override
      public void endOfLine() {
        out.add(TokenCache.END_OF_LINE);
      }
    });
    return out;
  }

  @Test
  void regionsCutTheCacheAtLineEndsIntoBalancedParts() throws Exception {
    Path corpus = PlantedCorpus.write(dir, 4000, 5, true);
    CorpusVocabulary vocab = CorpusVocabulary.build(corpus, CorpusTokenization.TEXT8, 1);
    Path cache = dir.resolve("regions.ids");
    BatchReader.RegionCache regions = BatchReader.writeCache(corpus, vocab,
        CorpusTokenization.TEXT8, cache, 3);
    long[] starts = regions.starts();
    assertThat(starts).hasSize(4);
    assertThat(starts[0]).isZero();
    assertThat(starts[3]).isEqualTo(Files.size(cache));
    List<Integer> whole = replayed(cache, 0, Long.MAX_VALUE, vocab.size());
    List<Integer> joined = new ArrayList<>();
    long total = vocab.retainedWords();
    for (int r = 0; r < 3; r++) {
      assertThat(starts[r + 1]).isGreaterThan(starts[r]);
      List<Integer> part = replayed(cache, starts[r], starts[r + 1], vocab.size());
      assertThat(part.get(part.size() - 1)).as("region %d ends a line", r)
          .isEqualTo(TokenCache.END_OF_LINE);
      long words = part.stream().filter(id -> id >= 0).count();
      assertThat((double) words).as("region %d", r).isCloseTo(total / 3.0,
          org.assertj.core.data.Offset.offset(total / 20.0));
      joined.addAll(part);
    }
    assertThat(joined).isEqualTo(whole);

    // the batches of the regions, in order, hold the stream's sentences
    List<Integer> streamed = new ArrayList<>();
    BlockingQueue<SentenceBatch> queue = new ArrayBlockingQueue<>(100_000);
    new BatchReader(corpus, vocab, CorpusTokenization.TEXT8, 7, queue, () -> false, false).run(1);
    queue.forEach(b -> addSentences(b, streamed));
    List<Integer> fromRegions = new ArrayList<>();
    long[] raw = new long[1];
    for (int r = 0; r < 3; r++) {
      BatchReader.replay(regions, r, vocab, 7, 4, b -> {
        assertThat(b.epoch).isEqualTo(4);
        raw[0] += b.rawWords;
        addSentences(b, fromRegions);
      });
    }
    assertThat(fromRegions).isEqualTo(streamed);
    assertThat(raw[0]).isEqualTo(vocab.rawWords());
  }

  /** The batch's words with -1 after each sentence. */
  private static void addSentences(SentenceBatch b, List<Integer> out) {
    int start = 0;
    for (int s = 0; s < b.sentences; s++) {
      for (int k = start; k < b.ends[s]; k++) {
        out.add(b.words[k]);
      }
      out.add(-1);
      start = b.ends[s];
    }
  }

  @Test
  void moreRegionsThanLinesLeaveSomeEmpty() throws Exception {
    Path text = dir.resolve("two-lines.txt");
    Files.writeString(text, "gama gamb gama\ngamb gama\n");
    CorpusVocabulary vocab = CorpusVocabulary.build(text, CorpusTokenization.TEXT8, 1);
    Path cache = dir.resolve("few.ids");
    long[] starts = BatchReader.writeCache(text, vocab, CorpusTokenization.TEXT8, cache, 4)
        .starts();
    long end = Files.size(cache);
    assertThat(starts[0]).isZero();
    assertThat(starts[4]).isEqualTo(end);
    List<Integer> joined = new ArrayList<>();
    int empty = 0;
    for (int r = 0; r < 4; r++) {
      assertThat(starts[r + 1]).isGreaterThanOrEqualTo(starts[r]);
      List<Integer> part = replayed(cache, starts[r], starts[r + 1], vocab.size());
      empty += part.isEmpty() ? 1 : 0;
      joined.addAll(part);
    }
    assertThat(empty).isEqualTo(2);
    assertThat(joined).isEqualTo(replayed(cache, 0, end, vocab.size())).hasSize(7);
  }

  @Test
  void aRangeEndingInsideAVarintIsAnError() throws IOException {
    Path file = dir.resolve("long-id.ids");
    try (TokenCache.Writer w = new TokenCache.Writer(file)) {
      w.write(1 << 20);
      assertThat(w.position()).isEqualTo(3);
    }
    assertThatThrownBy(() -> replayed(file, 0, 2, (1 << 20) + 1))
        .hasMessageContaining("ends inside a varint");
    assertThatThrownBy(() -> replayed(file, 2, 1, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got [2, 1)");
  }

  @Test
  void theVocabularyPassWritesACacheThatReplaysAsTheVocabularyIds() throws Exception {
    Path text = dir.resolve("mixed2.txt");
    Files.writeString(text, "rare gama gamb\n\n" + "gama cbxa ".repeat(30) + "\ngamb gama cbxa\n");
    CorpusVocabulary.Cached cached = CorpusVocabulary.buildWithCache(text,
        CorpusTokenization.TEXT8, 2, dir.resolve("provisional.ids"), 2);
    CorpusVocabulary vocab = cached.vocabulary();
    assertThat(vocab.words()).isEqualTo(
        CorpusVocabulary.build(text, CorpusTokenization.TEXT8, 2).words());
    assertThat(vocab.id("rare")).isEqualTo(-1);
    BatchReader.RegionCache direct = BatchReader.writeCache(text, vocab, CorpusTokenization.TEXT8,
        dir.resolve("direct.ids"), 1);
    List<Integer> expected = new ArrayList<>();
    BatchReader.replay(direct, 0, vocab, 7, 0, b -> addSentences(b, expected));
    List<Integer> fromRegions = new ArrayList<>();
    long[] raw = new long[1];
    for (int r = 0; r < 2; r++) {
      BatchReader.replay(cached.regions(), r, vocab, 7, 0, b -> {
        raw[0] += b.rawWords;
        addSentences(b, fromRegions);
      });
    }
    assertThat(fromRegions).isEqualTo(expected);
    assertThat(raw[0]).isEqualTo(vocab.rawWords());
    // the long line holds most of the words: the cut falls after it
    long[] starts = cached.regions().starts();
    assertThat(replayed(cached.regions().file(), starts[1], starts[2],
        cached.regions().remap().length)).hasSize(4);
  }

  @Test
  void regionMarksStayBoundedAndCutsStayNearTheirPlace() {
    CacheRegions marks = new CacheRegions();
    long lines = 3L * CacheRegions.MAX_MARKS + 17;
    for (long line = 1; line <= lines; line++) {
      marks.lineEnd(line * 10, line * 5);
    }
    long total = lines * 5;
    long[] starts = marks.starts(4, total, lines * 10 + 3);
    assertThat(starts[0]).isZero();
    assertThat(starts[4]).isEqualTo(lines * 10 + 3);
    for (int r = 1; r < 4; r++) {
      double ideal = total * r / 4.0 * 2; // offset = 2 * words here
      assertThat((double) starts[r]).as("cut %d", r)
          .isCloseTo(ideal, org.assertj.core.data.Offset.offset(ideal * 0.001));
    }
  }
}
