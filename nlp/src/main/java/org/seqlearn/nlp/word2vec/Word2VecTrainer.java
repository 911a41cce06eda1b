package org.seqlearn.nlp.word2vec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.seqlearn.core.random.Rng;

/**
 * Trains word2vec on a corpus file streamed from disk (plain or {@code .gz}): a first pass
 * builds the vocabulary, then {@code threads} workers update shared matrices without locks
 * (Hogwild). How the corpus reaches them is {@link Word2VecConfig#corpusSplit()}: by default the
 * vocabulary pass also writes the text as token ids to a temporary file, which is cut into one
 * region per worker, and each worker trains every epoch on its own region (as word2vec's C tool
 * and gensim's {@code corpus_file} mode do); otherwise one reader thread streams batches (from
 * the text in the first epoch, from the token file in the later ones) to whichever worker is
 * free. Each worker has its own generator {@code Rng.split(seed, worker)}. With one thread the
 * result depends only on the corpus and the settings (the same seed gives identical vectors).
 *
 * <p>The learning rate decays linearly from {@code alpha} to {@code minAlpha} over all epochs'
 * vocabulary words (or over each thread's share of each epoch, see {@link
 * Word2VecConfig.AlphaSchedule}), recomputed before each batch of about 10,000 words.
 *
 * <!-- given: Path corpus, Path out -->
 * <pre>{@code
 * Word2VecResult r = Word2VecTrainer.train(corpus, Word2VecConfig.builder().threads(2).build(),
 *     p -> System.err.println(p), 5_000);
 * r.model().wordVectors().save(out, WordVectorFormat.WORD2VEC_BINARY);
 * }</pre>
 */
public final class Word2VecTrainer {

  private Word2VecTrainer() {}

  /** Builds the vocabulary of {@code corpus} and trains on it; no progress reports. */
  public static Word2VecResult train(Path corpus, Word2VecConfig config) throws IOException {
    return train(corpus, config, p -> { }, Long.MAX_VALUE);
  }

  /**
   * Builds the vocabulary of {@code corpus}, then trains.
   *
   * @param progress receives a report about every {@code reportMillis} milliseconds
   */
  public static Word2VecResult train(Path corpus, Word2VecConfig config,
      Consumer<TrainingProgress> progress, long reportMillis) throws IOException {
    long t0 = System.nanoTime();
    // For regions, the pass that counts the vocabulary also writes the token cache they replay.
    Path file = regions(config) ? TokenCache.temporaryFile() : null;
    try {
      CorpusVocabulary vocab;
      BatchReader.RegionCache regions = null;
      if (file == null) {
        vocab = CorpusVocabulary.build(corpus, config.tokenization(), config.minCount());
      } else {
        CorpusVocabulary.Cached cached = CorpusVocabulary.buildWithCache(corpus,
            config.tokenization(), config.minCount(), file, config.threads());
        vocab = cached.vocabulary();
        regions = cached.regions();
      }
      double vocabSeconds = (System.nanoTime() - t0) / 1e9;
      Word2VecResult r = train(corpus, vocab, config, progress, reportMillis, regions);
      return new Word2VecResult(r.model(), r.summary(), r.effectiveWords(), vocabSeconds);
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  private static boolean regions(Word2VecConfig config) {
    return config.threads() > 1 && config.corpusSplit() == Word2VecConfig.CorpusSplit.REGIONS;
  }

  /**
   * Trains on {@code corpus} with a given vocabulary (words outside it are skipped).
   *
   * @throws IllegalArgumentException if the vocabulary is empty
   */
  public static Word2VecResult train(Path corpus, CorpusVocabulary vocab, Word2VecConfig config,
      Consumer<TrainingProgress> progress, long reportMillis) throws IOException {
    return train(corpus, vocab, config, progress, reportMillis, null);
  }

  /** With {@code regions}, a token cache already cut into one region per thread. */
  private static Word2VecResult train(Path corpus, CorpusVocabulary vocab, Word2VecConfig config,
      Consumer<TrainingProgress> progress, long reportMillis, BatchReader.RegionCache regions)
      throws IOException {
    if (vocab.size() == 0) {
      throw new IllegalArgumentException("expected a non-empty vocabulary, got 0 words (is "
          + "minCount " + config.minCount() + " too high for " + corpus.getFileName() + "?)");
    }
    Word2VecModel model = new Word2VecModel(vocab, config);
    long[] counts = vocab.counts();
    long[] keep = Subsampling.thresholds(counts, config.sample());
    AliasTable table = config.negative() > 0 ? new AliasTable(counts, 0.75) : null;
    HuffmanTree tree = config.hierarchicalSoftmax() ? HuffmanTree.build(counts) : null;
    Run run = new Run(config, vocab.retainedWords() * config.epochs());
    List<Word2VecWorker> workers = new ArrayList<>();
    for (int t = 0; t < config.threads(); t++) {
      workers.add(new Word2VecWorker(config, model, keep, table, tree,
          Rng.split(config.seed(), t)));
    }
    long start = System.nanoTime();
    run.start = start;
    if (regions(config)) {
      trainRegions(corpus, vocab, config, run, workers, progress, reportMillis, regions);
    } else {
      trainStream(corpus, vocab, config, run, workers, progress, reportMillis);
    }
    run.rethrow();
    double seconds = (System.nanoTime() - start) / 1e9;
    TrainingProgress summary = new TrainingProgress(config.epochs() - 1, run.words.get(),
        run.totalWords, run.rawWords.sum(), run.alpha(), seconds, run.totalLoss.sum(),
        run.totalExamples.sum());
    return new Word2VecResult(model, summary, run.effectiveWords.sum(), 0);
  }

  /** One reader thread streams every epoch's batches to a queue the workers share. */
  private static void trainStream(Path corpus, CorpusVocabulary vocab, Word2VecConfig config,
      Run run, List<Word2VecWorker> workers, Consumer<TrainingProgress> progress,
      long reportMillis) throws IOException {
    BlockingQueue<SentenceBatch> queue = new ArrayBlockingQueue<>(2 * config.threads() + 2);
    BatchReader reader = new BatchReader(corpus, vocab, config.tokenization(),
        config.maxSentenceLength(), queue, run.failed::get, true);
    List<Thread> threads = new ArrayList<>();
    threads.add(new Thread(() -> run.guard(() -> {
      try {
        reader.run(config.epochs());
      } finally {
        while (!queue.offer(SentenceBatch.END, 100, TimeUnit.MILLISECONDS) && !run.failed.get()) {
          // wait for room; give up if training failed
        }
      }
    }), "word2vec-reader"));
    for (int t = 0; t < workers.size(); t++) {
      Word2VecWorker worker = workers.get(t);
      threads.add(new Thread(() -> run.guard(() -> run.work(worker, queue)),
          "word2vec-worker-" + t));
    }
    runAll(threads, run, progress, reportMillis);
  }

  /**
   * Each worker trains every epoch on its own region of a token cache: {@code prepared}, or one
   * written here (a temporary file, deleted at the end).
   */
  private static void trainRegions(Path corpus, CorpusVocabulary vocab, Word2VecConfig config,
      Run run, List<Word2VecWorker> workers, Consumer<TrainingProgress> progress,
      long reportMillis, BatchReader.RegionCache prepared) throws IOException {
    Path file = prepared == null ? TokenCache.temporaryFile() : null;
    try {
      BatchReader.RegionCache cache = prepared != null ? prepared
          : BatchReader.writeCache(corpus, vocab, config.tokenization(), file, workers.size());
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < workers.size(); t++) {
        Word2VecWorker worker = workers.get(t);
        int region = t;
        threads.add(new Thread(() -> run.guard(() -> {
          for (int epoch = 0; epoch < config.epochs() && !run.failed.get(); epoch++) {
            BatchReader.replay(cache, region, vocab, config.maxSentenceLength(), epoch,
                batch -> {
                  if (run.failed.get()) {
                    throw new BatchReader.Cancelled();
                  }
                  run.train(worker, batch);
                });
          }
        }), "word2vec-worker-" + t));
      }
      runAll(threads, run, progress, reportMillis);
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Starts {@code threads} and waits for them, reporting progress meanwhile. */
  private static void runAll(List<Thread> threads, Run run, Consumer<TrainingProgress> progress,
      long reportMillis) throws IOException {
    threads.forEach(Thread::start);
    try {
      for (Thread thread : threads) {
        while (thread.isAlive()) {
          thread.join(Math.max(1L, Math.min(reportMillis, 60_000L)));
          if (thread.isAlive() && System.nanoTime() - run.lastReport >= reportMillis * 1_000_000L) {
            progress.accept(run.report());
          }
        }
      }
    } catch (InterruptedException e) {
      run.failed.set(true);
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IOException("word2vec training interrupted", e);
    }
  }

  /** Shared counters of one training run. */
  private static final class Run {
    final Word2VecConfig config;
    final long totalWords;
    final AtomicLong words = new AtomicLong();
    final LongAdder rawWords = new LongAdder();
    final LongAdder effectiveWords = new LongAdder();
    final DoubleAdder loss = new DoubleAdder();
    final LongAdder examples = new LongAdder();
    final DoubleAdder totalLoss = new DoubleAdder();
    final LongAdder totalExamples = new LongAdder();
    final AtomicBoolean failed = new AtomicBoolean();
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile int epoch;
    volatile long start;
    volatile long lastReport = System.nanoTime();

    Run(Word2VecConfig config, long totalWords) {
      this.config = config;
      this.totalWords = totalWords;
    }

    double alpha() {
      double progress = Math.min(1.0, words.get() / (double) Math.max(1, totalWords));
      return config.alpha() - (config.alpha() - config.minAlpha()) * progress;
    }

    /** The rate for {@code worker}'s next batch; counts the batch into the worker's progress. */
    double alpha(Word2VecWorker worker, SentenceBatch batch) {
      if (config.alphaSchedule() == Word2VecConfig.AlphaSchedule.LINEAR) {
        return alpha();
      }
      if (worker.epoch != batch.epoch) {
        worker.epoch = batch.epoch;
        worker.epochWords = 0;
      }
      double epochWords = Math.max(1.0, totalWords / (double) config.epochs());
      double progress = Math.min(1.0,
          (batch.epoch + Math.min(1.0, worker.epochWords / epochWords)) / config.epochs());
      worker.epochWords += batch.length;
      return config.alpha() - (config.alpha() - config.minAlpha()) * progress;
    }

    void work(Word2VecWorker worker, BlockingQueue<SentenceBatch> queue)
        throws InterruptedException {
      while (!failed.get()) {
        SentenceBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
        if (batch == null) {
          continue;
        }
        if (batch == SentenceBatch.END) {
          queue.put(batch);
          return;
        }
        train(worker, batch);
      }
    }

    /** Trains {@code worker} on one batch and counts it. */
    void train(Word2VecWorker worker, SentenceBatch batch) {
      epoch = batch.epoch;
      worker.train(batch, (float) alpha(worker, batch));
      words.addAndGet(batch.length);
      rawWords.add(batch.rawWords);
      effectiveWords.add(worker.batchEffectiveWords);
      loss.add(worker.batchLoss);
      examples.add(worker.batchExamples);
      totalLoss.add(worker.batchLoss);
      totalExamples.add(worker.batchExamples);
    }

    TrainingProgress report() {
      lastReport = System.nanoTime();
      return new TrainingProgress(epoch, words.get(), totalWords, rawWords.sum(), alpha(),
          (lastReport - start) / 1e9, loss.sumThenReset(), examples.sumThenReset());
    }

    interface Body {
      void run() throws Exception;
    }

    void guard(Body body) {
      try {
        body.run();
      } catch (Throwable t) {
        error.compareAndSet(null, t);
        failed.set(true);
      }
    }

    void rethrow() throws IOException {
      Throwable t = error.get();
      if (t == null) {
        return;
      }
      if (t instanceof IOException) {
        throw (IOException) t;
      }
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      if (t instanceof Error) {
        throw (Error) t;
      }
      throw new IOException("word2vec training failed", t);
    }
  }
}
