package org.seqlearn.nlp.glove;

import org.seqlearn.nlp.text.CorpusTokenization;

/**
 * GloVe settings, with the defaults of Stanford's {@code glove} tool where it has one (x_max
 * 100, α 0.75, η 0.05, window 15, min count 5, 15 epochs here instead of 25).
 *
 * @param dimension vector size {@code D}
 * @param window symmetric context window for counting
 * @param minCount words seen fewer times are dropped
 * @param epochs AdaGrad passes over the non-zero entries
 * @param learningRate AdaGrad step η
 * @param xMax the weighting cap: {@code f(x) = min(1, (x / xMax)^alpha)}
 * @param alpha the weighting exponent
 * @param threads Hogwild worker threads; 1 is reproducible for a seed
 * @param seed seed of the initial vectors and the shuffles
 * @param memoryBytes budget of the in-memory co-occurrence table before spilling to disk
 * @param tokenization how the corpus is split into words
 */
public record GloveConfig(int dimension, int window, int minCount, int epochs,
    double learningRate, double xMax, double alpha, int threads, long seed, long memoryBytes,
    CorpusTokenization tokenization) {

  /** Validates every setting. */
  public GloveConfig {
    check("dimension", dimension, 1, 10_000);
    check("window", window, 1, 1000);
    check("minCount", minCount, 1, Integer.MAX_VALUE);
    check("epochs", epochs, 1, 100_000);
    check("threads", threads, 1, 1024);
    if (!(learningRate > 0) || !(xMax > 0) || !(alpha > 0)) {
      throw new IllegalArgumentException("expected learningRate, xMax and alpha > 0, got "
          + learningRate + ", " + xMax + ", " + alpha);
    }
    if (memoryBytes < 1024 || tokenization == null) {
      throw new IllegalArgumentException("expected memoryBytes >= 1024 and a tokenization, got "
          + memoryBytes + ", " + tokenization);
    }
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got "
          + value);
    }
  }

  /** The defaults: D 100, window 15, min count 5, 15 epochs, η 0.05, x_max 100, α 0.75. */
  public static GloveConfig defaults() {
    return new GloveConfig(100, 15, 5, 15, 0.05, 100, 0.75, 1, 1, 1L << 30,
        CorpusTokenization.TEXT8);
  }

  /** A copy with another {@code dimension}. */
  public GloveConfig withDimension(int v) {
    return new GloveConfig(v, window, minCount, epochs, learningRate, xMax, alpha, threads, seed,
        memoryBytes, tokenization);
  }

  /** A copy with another {@code window}. */
  public GloveConfig withWindow(int v) {
    return new GloveConfig(dimension, v, minCount, epochs, learningRate, xMax, alpha, threads,
        seed, memoryBytes, tokenization);
  }

  /** A copy with another {@code minCount}. */
  public GloveConfig withMinCount(int v) {
    return new GloveConfig(dimension, window, v, epochs, learningRate, xMax, alpha, threads, seed,
        memoryBytes, tokenization);
  }

  /** A copy with another {@code epochs}. */
  public GloveConfig withEpochs(int v) {
    return new GloveConfig(dimension, window, minCount, v, learningRate, xMax, alpha, threads,
        seed, memoryBytes, tokenization);
  }

  /** A copy with another {@code learningRate}. */
  public GloveConfig withLearningRate(double v) {
    return new GloveConfig(dimension, window, minCount, epochs, v, xMax, alpha, threads, seed,
        memoryBytes, tokenization);
  }

  /** A copy with another {@code xMax}. */
  public GloveConfig withXMax(double v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, v, alpha, threads,
        seed, memoryBytes, tokenization);
  }

  /** A copy with another {@code alpha}. */
  public GloveConfig withAlpha(double v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, xMax, v, threads,
        seed, memoryBytes, tokenization);
  }

  /** A copy with another {@code threads}. */
  public GloveConfig withThreads(int v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, xMax, alpha, v, seed,
        memoryBytes, tokenization);
  }

  /** A copy with another {@code seed}. */
  public GloveConfig withSeed(long v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, xMax, alpha, threads,
        v, memoryBytes, tokenization);
  }

  /** A copy with another {@code memoryBytes}. */
  public GloveConfig withMemoryBytes(long v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, xMax, alpha, threads,
        seed, v, tokenization);
  }

  /** A copy with another {@code tokenization}. */
  public GloveConfig withTokenization(CorpusTokenization v) {
    return new GloveConfig(dimension, window, minCount, epochs, learningRate, xMax, alpha, threads,
        seed, memoryBytes, v);
  }
}
