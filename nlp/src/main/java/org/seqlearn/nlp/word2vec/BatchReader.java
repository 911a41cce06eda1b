package org.seqlearn.nlp.word2vec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.seqlearn.nlp.text.CorpusScanner;
import org.seqlearn.nlp.text.CorpusTokenization;

/**
 * Turns a corpus into {@link SentenceBatch}es of about {@value #BATCH_WORDS} vocabulary words
 * (gensim's job size). A line is a sentence; lines longer than {@code maxSentenceLength}
 * vocabulary words are cut; out-of-vocabulary tokens are dropped (but counted as raw words).
 *
 * <p>Two ways to feed the workers:
 *
 * <ul>
 *   <li><b>One stream</b> ({@link #run}): the corpus file is read once per epoch and its
 *       consecutive batches go to a bounded queue that all workers take from, so memory stays
 *       bounded whatever the corpus size. With {@code cacheTokens}, the first epoch also writes
 *       the token ids to a temporary {@link TokenCache} file and the later epochs replay it,
 *       giving the same batches without decompressing and tokenising the text again.
 *   <li><b>Regions</b> ({@link #writeCache}, or {@link CorpusVocabulary#buildWithCache} during
 *       the vocabulary pass, once; then {@link #replay} per worker and epoch): the token cache is
 *       cut at line ends into one contiguous region per worker, and each worker
 *       replays its own region, as word2vec's C tool and gensim's {@code corpus_file} mode give
 *       each thread its own part of the file.
 * </ul>
 */
final class BatchReader {

  static final int BATCH_WORDS = 10_000;

  /** Receives the finished batches of a pass. */
  interface Delivery {
    /**
     * Takes one batch (the pass allocates new arrays after it).
     *
     * @throws Cancelled to end the pass early
     */
    void deliver(SentenceBatch batch) throws InterruptedException;
  }

  /** Thrown by a {@link Delivery} to end a pass early, without error. */
  static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  private final Path corpus;
  private final CorpusVocabulary vocab;
  private final CorpusScanner scanner;
  private final int maxSentence;
  private final BlockingQueue<SentenceBatch> queue;
  private final BooleanSupplier cancelled;
  private final boolean cacheTokens;

  BatchReader(Path corpus, CorpusVocabulary vocab, CorpusTokenization tokenization,
      int maxSentence, BlockingQueue<SentenceBatch> queue, BooleanSupplier cancelled,
      boolean cacheTokens) {
    this.cacheTokens = cacheTokens;
    this.corpus = corpus;
    this.vocab = vocab;
    this.scanner = new CorpusScanner(tokenization);
    this.maxSentence = maxSentence;
    this.queue = queue;
    this.cancelled = cancelled;
  }

  /** Reads {@code epochs} passes into the queue; returns early (without error) when cancelled. */
  void run(int epochs) throws IOException, InterruptedException {
    Path cache = cacheTokens && epochs > 1
        ? TokenCache.temporaryFile() : null;
    Delivery toQueue = batch -> {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        if (cancelled.getAsBoolean()) {
          throw new Cancelled();
        }
      }
    };
    try {
      for (int epoch = 0; epoch < epochs && !cancelled.getAsBoolean(); epoch++) {
        Pass pass = new Pass(vocab, maxSentence, epoch, toQueue);
        try {
          if (cache == null || epoch == 0) {
            try (TokenCache.Writer writer = cache == null ? null : new TokenCache.Writer(cache)) {
              pass.cache = writer;
              scanner.scan(corpus, pass);
            }
            pass.cache = null;
          } else {
            TokenCache.replay(cache, vocab.size(), pass);
          }
          pass.finish();
        } catch (Cancelled e) {
          return;
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    } finally {
      if (cache != null) {
        Files.deleteIfExists(cache);
      }
    }
  }

  /**
   * A token cache cut into regions: {@code starts} has one more entry than there are regions
   * (region {@code r} is bytes {@code [starts[r], starts[r + 1])}); {@code remap}, when not null,
   * maps the file's provisional ids to vocabulary ids (see {@link
   * CorpusVocabulary#buildWithCache}).
   */
  record RegionCache(Path file, long[] starts, int[] remap) {}

  /**
   * Tokenises {@code corpus} once into the token cache {@code cache} (vocabulary ids) and cuts it
   * into {@code parts} regions of about equal numbers of vocabulary words, at line ends; a corpus
   * of fewer lines than parts leaves some regions empty.
   */
  static RegionCache writeCache(Path corpus, CorpusVocabulary vocab,
      CorpusTokenization tokenization, Path cache, int parts) throws IOException {
    CacheRegions regions = new CacheRegions();
    long end;
    try (TokenCache.Writer writer = new TokenCache.Writer(cache, regions)) {
      new CorpusScanner(tokenization).scan(corpus, new CorpusScanner.Sink() {
        @Override
        public void token(char[] buf, int offset, int length) {
          writer.token(vocab.id(buf, offset, length));
        }

        @Override
        public void endOfLine() {
          writer.endOfLine();
        }
      });
      end = writer.position();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new RegionCache(cache, regions.starts(parts, vocab.retainedWords(), end), null);
  }

  /**
   * Replays region {@code region} of {@code cache} as the batches of epoch {@code epoch}; returns
   * early (without error) when {@code delivery} throws {@link Cancelled}.
   */
  static void replay(RegionCache cache, int region, CorpusVocabulary vocab, int maxSentence,
      int epoch, Delivery delivery) throws IOException {
    Pass pass = new Pass(vocab, maxSentence, epoch, delivery);
    long from = cache.starts()[region];
    long to = cache.starts()[region + 1];
    try {
      if (cache.remap() == null) {
        TokenCache.replay(cache.file(), from, to, vocab.size(), pass);
      } else {
        TokenCache.replay(cache.file(), from, to, cache.remap(), pass);
      }
      pass.finish();
    } catch (Cancelled e) {
      // the run was stopped
    }
  }

  /**
   * One epoch's pass: accumulates sentences and hands full batches to the delivery; copies the
   * tokens to {@code cache} when set.
   */
  private static final class Pass implements CorpusScanner.Sink, TokenCache.Sink {
    private final CorpusVocabulary vocab;
    private final int maxSentence;
    private final int epoch;
    private final Delivery delivery;
    private TokenCache.Writer cache;
    private int[] words;
    private int[] ends = new int[64];
    private int sentences;
    private int length;
    private int sentenceStart;
    private long raw;

    Pass(CorpusVocabulary vocab, int maxSentence, int epoch, Delivery delivery) {
      this.vocab = vocab;
      this.maxSentence = maxSentence;
      this.epoch = epoch;
      this.delivery = delivery;
      this.words = new int[BATCH_WORDS + maxSentence];
    }

    @Override
    public void token(char[] buf, int offset, int len) {
      int id = vocab.id(buf, offset, len);
      if (cache != null) {
        cache.token(id);
      }
      word(id);
    }

    @Override
    public void word(int id) {
      raw++;
      if (id < 0) {
        return;
      }
      words[length++] = id;
      if (length - sentenceStart == maxSentence) {
        endSentence();
      }
    }

    @Override
    public void endOfLine() {
      if (cache != null) {
        cache.endOfLine();
      }
      endSentence();
    }

    /** Ends the pass: the last sentence and the last, partial batch. */
    void finish() {
      endSentence();
      flush();
    }

    private void endSentence() {
      if (length > sentenceStart) {
        if (sentences == ends.length) {
          ends = Arrays.copyOf(ends, sentences * 2);
        }
        ends[sentences++] = length;
        sentenceStart = length;
        if (length >= BATCH_WORDS) {
          flush();
        }
      }
    }

    private void flush() {
      if (sentences == 0 && raw == 0) {
        return;
      }
      SentenceBatch batch = new SentenceBatch(words, ends, sentences, length, epoch, raw);
      try {
        delivery.deliver(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
      words = new int[BATCH_WORDS + maxSentence];
      ends = new int[64];
      sentences = 0;
      length = 0;
      sentenceStart = 0;
      raw = 0;
    }
  }
}
