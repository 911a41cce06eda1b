package org.seqlearn.nlp.word2vec;

import org.seqlearn.nlp.text.CorpusTokenization;

/**
 * The settings of a word2vec run, with gensim 4's defaults (skip-gram, dimension 100, window 5,
 * 5 negatives, no hierarchical softmax, sample 1e-3, min count 5, 5 epochs, α 0.025 → 0.0001,
 * one thread, seed 1, mean for CBOW). Immutable; build one with {@link #builder()}.
 *
 * @param architecture skip-gram or CBOW
 * @param dimension vector size {@code D}
 * @param window maximum distance between the centre and a context word
 * @param negative negative samples per positive pair (0 disables negative sampling)
 * @param hierarchicalSoftmax train with hierarchical softmax (may be combined with negatives)
 * @param cbowMean CBOW averages its context vectors (else sums them)
 * @param sample subsampling threshold (0 disables; see {@link Subsampling})
 * @param minCount words seen fewer times are dropped from the vocabulary
 * @param epochs passes over the corpus
 * @param alpha initial learning rate
 * @param minAlpha final learning rate, reached linearly at the end of the last epoch
 * @param threads worker threads (Hogwild); 1 gives reproducible vectors for a seed
 * @param seed seed of every random choice (initial vectors, windows, negatives, subsampling)
 * @param tokenization how the corpus is split into words
 * @param maxSentenceLength longer lines are cut into pieces of this many words (gensim: 10000)
 * @param sharedNegatives skip-gram draws one set of negative samples per centre word and uses it
 *     for every context word of the window (the "negative sharing" of Ji et al., pWord2Vec),
 *     instead of a fresh set per (centre, context) pair; the sampled output rows then stay in
 *     cache across the window, which makes skip-gram about 1.7 times faster. No effect on CBOW,
 *     which already draws one set per window. Off by default (word2vec's and gensim's algorithm)
 * @param alphaSchedule how the learning rate decays (see {@link AlphaSchedule})
 * @param corpusSplit how the corpus is shared among the threads (see {@link CorpusSplit})
 */
public record Word2VecConfig(Architecture architecture, int dimension, int window, int negative,
    boolean hierarchicalSoftmax, boolean cbowMean, double sample, int minCount, int epochs,
    double alpha, double minAlpha, int threads, long seed, CorpusTokenization tokenization,
    int maxSentenceLength, boolean sharedNegatives, AlphaSchedule alphaSchedule,
    CorpusSplit corpusSplit) {

  /** Skip-gram (predict context from the centre word) or CBOW (the centre from its context). */
  public enum Architecture {
    SKIP_GRAM,
    CBOW
  }

  /** How the learning rate decays from {@code alpha} to {@code minAlpha}. */
  public enum AlphaSchedule {
    /**
     * Linearly with the vocabulary words processed by all threads together over all epochs
     * (word2vec's C tool, gensim with a sentence iterable).
     */
    LINEAR,
    /**
     * Linearly with each thread's own progress through the epoch: in epoch {@code e} of {@code
     * E}, a thread that has processed {@code w} of the epoch's {@code N} words uses {@code alpha
     * - (alpha - minAlpha) (e + w / N) / E}. With {@code T} threads a thread sees about {@code
     * N / T} words per epoch, so the rate restarts each epoch and ends at {@code alpha - (alpha -
     * minAlpha) (E - 1 + 1 / T) / E}. This is what gensim 4's {@code corpus_file} mode does (each
     * worker measures its progress against the whole epoch); it keeps the rate higher than
     * {@link #LINEAR} for {@code T > 1} and equals it for one thread.
     */
    PER_THREAD
  }

  /** How the threads share the corpus in each epoch (no difference with one thread). */
  public enum CorpusSplit {
    /**
     * Each thread trains its own contiguous region of the corpus (cut at line ends into about
     * equal numbers of words), as word2vec's C tool and gensim 4's {@code corpus_file} mode do.
     * The text is tokenised once into a temporary file of token ids (in {@code java.io.tmpdir},
     * one or two bytes per token) that every epoch replays. The default: with two threads,
     * skip-gram scored 0.55 points more on the analogy benchmark than with {@link #BATCHES}
     * (mean over six seeds; BENCHMARKS.md), and gensim's {@code corpus_file} mode likewise
     * scores above its sentence-iterable mode.
     */
    REGIONS,
    /**
     * One reader streams consecutive batches of about 10,000 words to whichever thread is free,
     * like gensim with a sentence iterable: neighbouring text is trained at the same time.
     */
    BATCHES
  }

  /** Validates every setting. */
  public Word2VecConfig {
    if (architecture == null || tokenization == null || alphaSchedule == null
        || corpusSplit == null) {
      throw new IllegalArgumentException("architecture, tokenization, alphaSchedule and "
          + "corpusSplit must be set, got " + architecture + ", " + tokenization + ", "
          + alphaSchedule + ", " + corpusSplit);
    }
    check("dimension", dimension, 1, 10_000);
    check("window", window, 1, 1000);
    check("negative", negative, 0, 1000);
    check("minCount", minCount, 1, Integer.MAX_VALUE);
    check("epochs", epochs, 1, 100_000);
    check("threads", threads, 1, 1024);
    check("maxSentenceLength", maxSentenceLength, 1, 1 << 24);
    if (negative == 0 && !hierarchicalSoftmax) {
      throw new IllegalArgumentException("expected negative > 0 or hierarchical softmax, got "
          + "negative = 0 and no hierarchical softmax");
    }
    if (!(sample >= 0 && sample < 1)) {
      throw new IllegalArgumentException("sample must be in [0, 1), got " + sample);
    }
    if (!(alpha > 0 && alpha <= 10) || !(minAlpha >= 0 && minAlpha <= alpha)) {
      throw new IllegalArgumentException("expected 0 < alpha <= 10 and 0 <= minAlpha <= alpha, "
          + "got alpha = " + alpha + ", minAlpha = " + minAlpha);
    }
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got "
          + value);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.architecture = architecture;
    b.dimension = dimension;
    b.window = window;
    b.negative = negative;
    b.hierarchicalSoftmax = hierarchicalSoftmax;
    b.cbowMean = cbowMean;
    b.sample = sample;
    b.minCount = minCount;
    b.epochs = epochs;
    b.alpha = alpha;
    b.minAlpha = minAlpha;
    b.threads = threads;
    b.seed = seed;
    b.tokenization = tokenization;
    b.maxSentenceLength = maxSentenceLength;
    b.sharedNegatives = sharedNegatives;
    b.alphaSchedule = alphaSchedule;
    b.corpusSplit = corpusSplit;
    return b;
  }

  /** Mutable builder; see the record components for the meaning of each setting. */
  public static final class Builder {
    private Architecture architecture = Architecture.SKIP_GRAM;
    private int dimension = 100;
    private int window = 5;
    private int negative = 5;
    private boolean hierarchicalSoftmax;
    private boolean cbowMean = true;
    private double sample = 1e-3;
    private int minCount = 5;
    private int epochs = 5;
    private double alpha = 0.025;
    private double minAlpha = 0.0001;
    private int threads = 1;
    private long seed = 1;
    private CorpusTokenization tokenization = CorpusTokenization.TEXT8;
    private int maxSentenceLength = 10_000;
    private boolean sharedNegatives;
    private AlphaSchedule alphaSchedule = AlphaSchedule.LINEAR;
    private CorpusSplit corpusSplit = CorpusSplit.REGIONS;

    /** Sets {@code architecture}. */
    public Builder architecture(Architecture v) {
      architecture = v;
      return this;
    }

    /** Sets {@code dimension}. */
    public Builder dimension(int v) {
      dimension = v;
      return this;
    }

    /** Sets {@code window}. */
    public Builder window(int v) {
      window = v;
      return this;
    }

    /** Sets {@code negative}. */
    public Builder negative(int v) {
      negative = v;
      return this;
    }

    /** Sets {@code hierarchicalSoftmax}. */
    public Builder hierarchicalSoftmax(boolean v) {
      hierarchicalSoftmax = v;
      return this;
    }

    /** Sets {@code cbowMean}. */
    public Builder cbowMean(boolean v) {
      cbowMean = v;
      return this;
    }

    /** Sets {@code sample}. */
    public Builder sample(double v) {
      sample = v;
      return this;
    }

    /** Sets {@code minCount}. */
    public Builder minCount(int v) {
      minCount = v;
      return this;
    }

    /** Sets {@code epochs}. */
    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    /** Sets {@code alpha}. */
    public Builder alpha(double v) {
      alpha = v;
      return this;
    }

    /** Sets {@code minAlpha}. */
    public Builder minAlpha(double v) {
      minAlpha = v;
      return this;
    }

    /** Sets {@code threads}. */
    public Builder threads(int v) {
      threads = v;
      return this;
    }

    /** Sets {@code seed}. */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** Sets {@code tokenization}. */
    public Builder tokenization(CorpusTokenization v) {
      tokenization = v;
      return this;
    }

    /** Sets {@code maxSentenceLength}. */
    public Builder maxSentenceLength(int v) {
      maxSentenceLength = v;
      return this;
    }

    /** Sets {@code sharedNegatives}. */
    public Builder sharedNegatives(boolean v) {
      sharedNegatives = v;
      return this;
    }

    /** Sets {@code alphaSchedule}. */
    public Builder alphaSchedule(AlphaSchedule v) {
      alphaSchedule = v;
      return this;
    }

    /** Sets {@code corpusSplit}. */
    public Builder corpusSplit(CorpusSplit v) {
      corpusSplit = v;
      return this;
    }

    /** The validated settings. */
    public Word2VecConfig build() {
      return new Word2VecConfig(architecture, dimension, window, negative, hierarchicalSoftmax,
          cbowMean, sample, minCount, epochs, alpha, minAlpha, threads, seed, tokenization,
          maxSentenceLength, sharedNegatives, alphaSchedule, corpusSplit);
    }
  }
}
