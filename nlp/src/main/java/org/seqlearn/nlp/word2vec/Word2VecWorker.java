package org.seqlearn.nlp.word2vec;

import java.util.Arrays;
import org.seqlearn.core.random.Rng;
import org.seqlearn.core.simd.RowKernels;

/**
 * The training kernel of one thread: subsampling, the dynamic window, and the skip-gram or CBOW
 * updates with negative sampling and/or hierarchical softmax, written to the shared matrices
 * without locks (Hogwild). Follows word2vec's C code: in skip-gram the context word's input
 * vector {@code syn0[c]} predicts the centre word; in CBOW the mean (or sum) of the context input
 * vectors predicts it, and the error is added to every context vector. Like gensim (and unlike the
 * C tool's negative sampling), an output whose score {@code f} is outside {@code (-6, 6)} is not
 * updated. With {@link Word2VecConfig#sharedNegatives()} skip-gram draws the negatives once per
 * centre word.
 *
 * <p>The output rows picked by negative sampling are random rows of a matrix about as large as
 * the last-level cache, so their loads dominate the time. As soon as the negatives are drawn, one
 * load per cache line of each row is issued ({@link #touchRows}), so that the misses overlap
 * instead of coming one row at a time inside the dot products (16-27 % less CBOW time in
 * BENCHMARKS.md's side-by-side runs). The row updates go through {@link RowKernels}, which read
 * each row once.
 */
final class Word2VecWorker {

  private static final RowKernels ROWS = RowKernels.get();
  /** Floats per 64-byte cache line: the stride of {@link #touchRows}. */
  private static final int LINE = 16;

  private final Word2VecConfig config;
  private final float[] syn0;
  private final float[] syn1neg;
  private final float[] syn1;
  private final int dim;
  private final long[] keep;
  private final AliasTable table;
  private final HuffmanTree tree;
  private final Rng rng;
  private final float[] neu1;
  private final float[] neu1e;
  private int[] sentence = new int[16];
  private int[] context;
  private final int negative;
  private final int[] targets;
  private final boolean sharedNegatives;
  /** The number of valid entries of {@code targets} (centre first, then the negatives). */
  private int targetCount;
  private float[] dots;
  /** Where {@link #touchRows} leaves its loads, so that the compiler cannot drop them. */
  private int touched;

  /** The epoch of the last batch (for {@link Word2VecConfig.AlphaSchedule#PER_THREAD}). */
  int epoch = -1;
  /** Vocabulary words of that epoch this worker has been given so far. */
  long epochWords;
  /** Loss of the last batch: Σ −log σ over the trained pairs (double accumulation). */
  double batchLoss;
  /** Positive examples (centre-context pairs, or CBOW windows) in the last batch. */
  long batchExamples;
  /** Words left after subsampling in the last batch. */
  long batchEffectiveWords;

  Word2VecWorker(Word2VecConfig config, Word2VecModel model, long[] keep, AliasTable table,
      HuffmanTree tree, Rng rng) {
    this.config = config;
    this.syn0 = model.syn0();
    this.syn1neg = model.syn1neg();
    this.syn1 = model.syn1();
    this.dim = config.dimension();
    this.keep = keep;
    this.table = table;
    this.tree = tree;
    this.rng = rng;
    this.neu1 = new float[dim];
    this.neu1e = new float[dim];
    this.context = new int[2 * config.window()];
    this.negative = config.negative();
    this.targets = new int[negative + 1];
    this.sharedNegatives = config.sharedNegatives() && negative > 0;
    this.dots = new float[Math.max(negative + 1, 64)];
  }

  /** Trains on every sentence of {@code batch} with learning rate {@code alpha}. */
  void train(SentenceBatch batch, float alpha) {
    batchLoss = 0;
    batchExamples = 0;
    batchEffectiveWords = 0;
    boolean cbow = config.architecture() == Word2VecConfig.Architecture.CBOW;
    int start = 0;
    for (int s = 0; s < batch.sentences; s++) {
      int end = batch.ends[s];
      int n = subsample(batch.words, start, end);
      batchEffectiveWords += n;
      start = end;
      for (int i = 0; i < n; i++) {
        int reduced = rng.nextInt(config.window());
        int lo = Math.max(0, i - config.window() + reduced);
        int hi = Math.min(n, i + config.window() + 1 - reduced);
        if (cbow) {
          cbow(i, lo, hi, alpha);
        } else {
          if (sharedNegatives) {
            drawTargets(sentence[i]);
          }
          for (int j = lo; j < hi; j++) {
            if (j != i) {
              skipGramPair(sentence[i], sentence[j], alpha);
            }
          }
        }
      }
    }
  }

  private int subsample(int[] words, int start, int end) {
    if (sentence.length < end - start) {
      sentence = new int[end - start];
    }
    boolean sampling = config.sample() > 0;
    int n = 0;
    for (int k = start; k < end; k++) {
      int w = words[k];
      if (sampling && keep[w] < (rng.nextInt() & 0xFFFFFFFFL)) {
        continue;
      }
      sentence[n++] = w;
    }
    return n;
  }

  /** {@code syn0[contextWord]} predicts {@code centre}. */
  private void skipGramPair(int centre, int contextWord, float alpha) {
    int l1 = contextWord * dim;
    Arrays.fill(neu1e, 0f);
    if (config.hierarchicalSoftmax()) {
      hierarchicalSoftmax(centre, syn0, l1, alpha);
    }
    if (config.negative() > 0) {
      negativeSampling(centre, syn0, l1, alpha);
    }
    VectorMath.axpy(1f, neu1e, 0, syn0, l1, dim);
    batchExamples++;
  }

  private void cbow(int i, int lo, int hi, float alpha) {
    int count = 0;
    for (int j = lo; j < hi; j++) {
      if (j != i) {
        context[count++] = sentence[j] * dim;
      }
    }
    if (count == 0) {
      return;
    }
    ROWS.sumRows(syn0, context, count, dim, neu1, 0);
    if (config.cbowMean()) {
      float inv = 1f / count;
      for (int k = 0; k < dim; k++) {
        neu1[k] *= inv;
      }
    }
    Arrays.fill(neu1e, 0f);
    int centre = sentence[i];
    if (config.hierarchicalSoftmax()) {
      hierarchicalSoftmax(centre, neu1, 0, alpha);
    }
    if (config.negative() > 0) {
      negativeSampling(centre, neu1, 0, alpha);
    }
    for (int c = 0; c < count; c++) {
      VectorMath.axpy(1f, neu1e, 0, syn0, context[c], dim);
    }
    batchExamples++;
  }

  /**
   * Walks the centre word's Huffman path; accumulates the input error in {@code neu1e}. All dot
   * products are taken before any update (they are independent: every inner node appears once on
   * a path), so their memory loads overlap.
   */
  private void hierarchicalSoftmax(int centre, float[] in, int l1, float alpha) {
    byte[] codes = tree.codes();
    int[] points = tree.points();
    int from = tree.offset(centre);
    int length = tree.codeLength(centre);
    if (dots.length < length) {
      dots = new float[length];
    }
    for (int d = 0; d < length; d++) {
      dots[d] = VectorMath.dot(in, l1, syn1, points[from + d] * dim, dim);
    }
    for (int d = 0; d < length; d++) {
      float f = dots[d];
      int code = codes[from + d];
      batchLoss += SigmoidTable.negLogSigmoid(code == 0 ? f : -f);
      if (f <= -SigmoidTable.MAX_EXP || f >= SigmoidTable.MAX_EXP) {
        continue;
      }
      int l2 = points[from + d] * dim;
      float g = (1 - code - SigmoidTable.sigmoid(f)) * alpha;
      ROWS.exchange(g, in, l1, syn1, l2, neu1e, 0, dim);
    }
  }

  /**
   * Fills {@code targets} with the centre word and {@code negative} sampled words (a sample equal
   * to the centre is dropped, as in word2vec).
   */
  private void drawTargets(int centre) {
    int n = 0;
    targets[n++] = centre;
    for (int d = 0; d < negative; d++) {
      int target = table.sample(rng.nextLong());
      if (target != centre) {
        targets[n++] = target;
      }
    }
    targetCount = n;
    touchRows(n);
  }

  /**
   * Loads one float of every cache line of the {@code n} target rows of {@code syn1neg}: the
   * loads are independent, so the processor has all their misses in flight at once (Java has no
   * prefetch instruction; these are its stand-in).
   */
  private void touchRows(int n) {
    int sum = 0;
    for (int k = 0; k < n; k++) {
      int base = targets[k] * dim;
      for (int o = 0; o < dim; o += LINE) {
        sum += Float.floatToRawIntBits(syn1neg[base + o]);
      }
      sum += Float.floatToRawIntBits(syn1neg[base + dim - 1]);
    }
    touched += sum;
  }

  /**
   * One positive (the centre word) and the negatives: freshly drawn, or with shared negatives in
   * skip-gram, those drawn for the centre word. The dot products are all taken first so that the
   * loads of the random output rows overlap; this equals the sequential order except when a
   * negative is drawn twice for the same pair, where the second sees the row before the first
   * update.
   */
  private void negativeSampling(int centre, float[] in, int l1, float alpha) {
    if (!sharedNegatives || in != syn0) {
      drawTargets(centre);
    }
    int n = targetCount;
    for (int k = 0; k < n; k++) {
      dots[k] = VectorMath.dot(in, l1, syn1neg, targets[k] * dim, dim);
    }
    for (int k = 0; k < n; k++) {
      int label = k == 0 ? 1 : 0;
      float f = dots[k];
      batchLoss += SigmoidTable.negLogSigmoid(label == 1 ? f : -f);
      if (f <= -SigmoidTable.MAX_EXP || f >= SigmoidTable.MAX_EXP) {
        continue;
      }
      float g = (label - SigmoidTable.sigmoid(f)) * alpha;
      ROWS.exchange(g, in, l1, syn1neg, targets[k] * dim, neu1e, 0, dim);
    }
  }
}
