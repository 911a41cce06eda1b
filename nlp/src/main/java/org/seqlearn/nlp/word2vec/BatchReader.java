package org.seqlearn.nlp.word2vec;

import java.io.IOException;
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
 */
final class BatchReader {

  static final int BATCH_WORDS = 10_000;

  private final Path corpus;
  private final CorpusVocabulary vocab;
  private final CorpusScanner scanner;
  private final int maxSentence;
  private final BlockingQueue<SentenceBatch> queue;
  private final BooleanSupplier cancelled;

  BatchReader(Path corpus, CorpusVocabulary vocab, CorpusTokenization tokenization,
      int maxSentence, BlockingQueue<SentenceBatch> queue, BooleanSupplier cancelled) {
    this.corpus = corpus;
    this.vocab = vocab;
    this.scanner = new CorpusScanner(tokenization);
    this.maxSentence = maxSentence;
    this.queue = queue;
    this.cancelled = cancelled;
  }

  /** Reads {@code epochs} passes; returns early (without error) when cancelled. */
  void run(int epochs) throws IOException, InterruptedException {
    for (int epoch = 0; epoch < epochs && !cancelled.getAsBoolean(); epoch++) {
      Pass pass = new Pass(epoch);
      try {
        scanner.scan(corpus, pass);
      } catch (Cancelled e) {
        return;
      }
      pass.endOfLine();
      pass.flush();
    }
  }

  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  /** One epoch's pass: accumulates sentences and hands full batches to the queue. */
  private final class Pass implements CorpusScanner.Sink {
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
      raw++;
      int id = vocab.id(buf, offset, len);
      if (id < 0) {
        return;
      }
      words[length++] = id;
      if (length - sentenceStart == maxSentence) {
        endOfLine();
      }
    }

    @Override
    public void endOfLine() {
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
