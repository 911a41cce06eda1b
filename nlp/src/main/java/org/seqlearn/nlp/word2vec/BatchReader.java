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
 * Streams a corpus file, once per epoch, into {@link SentenceBatch}es of about {@value #BATCH_WORDS}
 * vocabulary words (gensim's job size). A line is a sentence; lines longer than {@code
 * maxSentenceLength} vocabulary words are cut; out-of-vocabulary tokens are dropped (but counted
 * as raw words). Batches go to a bounded queue, so memory stays bounded whatever the corpus size.
 *
 * <p>With {@code cacheTokens}, the first epoch also writes the token ids to a temporary {@link
 * TokenCache} file (in {@code java.io.tmpdir}, deleted at the end) and the later epochs replay it,
 * giving the same batches without decompressing and tokenising the text again.
 */
final class BatchReader {

  static final int BATCH_WORDS = 10_000;

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

  /** Reads {@code epochs} passes; returns early (without error) when cancelled. */
  void run(int epochs) throws IOException, InterruptedException {
    Path cache = cacheTokens && epochs > 1
        ? Files.createTempFile("seqlearn-word2vec-", ".ids") : null;
    try {
      for (int epoch = 0; epoch < epochs && !cancelled.getAsBoolean(); epoch++) {
        Pass pass = new Pass(epoch);
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
        } catch (Cancelled e) {
          return;
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        pass.endSentence();
        pass.flush();
      }
    } finally {
      if (cache != null) {
        Files.deleteIfExists(cache);
      }
    }
  }

  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  /**
   * One epoch's pass: accumulates sentences and hands full batches to the queue; copies the tokens
   * to {@code cache} when set.
   */
  private final class Pass implements CorpusScanner.Sink, TokenCache.Sink {
    private TokenCache.Writer cache;
    private final int epoch;
    private int[] words = new int[BATCH_WORDS + maxSentence];
    private int[] ends = new int[64];
    private int sentences;
    private int length;
    private int sentenceStart;
    private long raw;

    Pass(int epoch) {
      this.epoch = epoch;
    }

    @Override
    public void token(char[] buf, int offset, int len) {
      int id = vocab.id(buf, offset, len);
      if (cache != null) {
        write(id);
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
        write(TokenCache.END_OF_LINE);
      }
      endSentence();
    }

    private void write(int code) {
      try {
        cache.write(code);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void endSentence() {
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

    void flush() {
      if (sentences == 0 && raw == 0) {
        return;
      }
      SentenceBatch batch = new SentenceBatch(words, ends, sentences, length, epoch, raw);
      try {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
          if (cancelled.getAsBoolean()) {
            throw new Cancelled();
          }
        }
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
