package org.seqlearn.nlp.tagging;

import java.util.Locale;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.crf.LinearChainCrf;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.loss.Reduction;
import org.seqlearn.layers.nn.Conv1d;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;
import org.seqlearn.nlp.text.Vocabulary;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * The BiLSTM(-CRF) sequence tagger of Lample et al. and Ma &amp; Hovy: each word is its
 * embedding concatenated with a character CNN's max-pooled features (so casing and unseen words
 * count), a bidirectional LSTM reads the sentence, a linear layer gives per-token tag scores
 * (emissions {@code [B, T, K]}), and the output is either a per-token softmax (cross-entropy
 * loss, argmax decoding) or a {@link LinearChainCrf} (negative log-likelihood, Viterbi decoding).
 *
 * <p>Sub-modules: {@code word_embedding}, {@code char_embedding}, {@code char_cnn}, {@code
 * encoder}, {@code emission}, and {@code crf} when {@link TaggerOptions#crf()} is set.
 */
public final class BiLstmTagger extends Module {

  private final TaggerOptions options;
  private final Embedding wordEmbedding;
  private final Embedding charEmbedding;
  private final Conv1d charCnn;
  private final Lstm encoder;
  private final Linear emission;
  private final LinearChainCrf crf;
  private final Rng dropoutRng;

  /** A tagger with freshly initialised weights. */
  public BiLstmTagger(TaggerOptions options) {
    this.options = options;
    long seed = options.seed();
    wordEmbedding = registerModule("word_embedding",
        new Embedding(options.words(), options.wordDim(), 0, seed));
    if (options.charFilters() > 0) {
      charEmbedding = registerModule("char_embedding",
          new Embedding(options.chars(), options.charDim(), 0, seed + 1));
      charCnn = registerModule("char_cnn", new Conv1d(options.charDim(), options.charFilters(),
          options.charKernel(), 1, options.charKernel() / 2, 1, true, seed + 2));
    } else {
      charEmbedding = null;
      charCnn = null;
    }
    encoder = registerModule("encoder", new Lstm(options.wordDim() + options.charFilters(),
        options.hidden(), RecurrentOptions.defaults().bidirectional(true).batchFirst(true)
            .numLayers(options.layers()).dropout(options.dropout()).seed(seed + 3)));
    emission = registerModule("emission",
        new Linear(2 * options.hidden(), options.tags(), true, seed + 4));
    crf = options.crf()
        ? registerModule("crf", new LinearChainCrf(options.tags(), null, seed + 5)) : null;
    dropoutRng = new Rng(seed + 6);
  }

  /** The options it was built with. */
  public TaggerOptions options() {
    return options;
  }

  /**
   * Copies pretrained vectors into the word embedding {@code [words, wordDim]}: each word of
   * {@code words} found in {@code vectors} (exactly, else lower-cased) gets its vector; the
   * others (and the specials) keep their initial rows.
   *
   * @param words the word vocabulary the tagger was built for
   * @param vectors the pretrained vectors, of dimension {@code wordDim}
   * @return how many words got a pretrained vector
   * @throws IllegalArgumentException if the vocabulary size or the dimension differs
   */
  public int initWordEmbeddings(Vocabulary words, WordVectors vectors) {
    if (words.size() != options.words() || vectors.dimension() != options.wordDim()) {
      throw new IllegalArgumentException("tagger: expected " + options.words() + " words and "
          + options.wordDim() + "-dimensional vectors, got " + words.size() + " words and "
          + vectors.dimension() + "-dimensional vectors");
    }
    float[] w = wordEmbedding.weight().data();
    int dim = options.wordDim();
    int found = 0;
    for (int id = words.specialCount(); id < words.size(); id++) {
      String word = words.token(id);
      int index = vectors.indexOf(word);
      if (index < 0) {
        index = vectors.indexOf(word.toLowerCase(Locale.ROOT));
      }
      if (index >= 0) {
        System.arraycopy(vectors.vector(index), 0, w, id * dim, dim);
        found++;
      }
    }
    return found;
  }

  /** The CRF output layer, or null for a softmax tagger. */
  public LinearChainCrf crf() {
    return crf;
  }

  /**
   * The mask {@code [N, 1, C]} of the character positions past each word's end (its ids are
   * 0-padded), so the max-pool sees only the word's own positions whatever the longest word of
   * the batch; position 0 always counts, so a padding token (no characters) still gets a finite
   * feature (the filter's response to padding alone).
   */
  private static Tensor beyondWordEnds(IntTensor chars) {
    int n = chars.shape()[0];
    int c = chars.shape()[1];
    int[] ids = chars.toArray();
    float[] mask = new float[n * c];
    for (int w = 0; w < n; w++) {
      int length = 0;
      while (length < c && ids[w * c + length] != 0) {
        length++;
      }
      for (int k = Math.max(length, 1); k < c; k++) {
        mask[w * c + k] = 1f;
      }
    }
    return Tensor.wrap(mask, n, 1, c);
  }

  /** Per-token tag scores {@code [B, T, K]} (recorded when grad mode is on). */
  public Tensor emissions(TaggerBatch batch) {
    int b = batch.size();
    int t = batch.time();
    Tensor x = wordEmbedding.forward(batch.wordIds());
    if (charCnn != null) {
      int c = batch.charIds().shape()[2];
      IntTensor chars = IntTensor.of(batch.charIds().toArray(), b * t, c);
      Tensor features = charCnn.forward(charEmbedding.forward(chars).permute(0, 2, 1))
          .maskedFill(beyondWordEnds(chars), -Float.MAX_VALUE)
          .max(2, false);
      x = Ops.concat(2, x, features.reshape(b, t, options.charFilters()));
    }
    float p = options.dropout();
    x = x.dropout(p, dropoutRng, isTraining());
    Tensor h = encoder.forward(x, batch.lengths()).output();
    h = h.dropout(p, dropoutRng, isTraining());
    return emission.forward(h);
  }

  /**
   * The training loss of a batch with gold tags: the CRF's negative log-likelihood averaged over
   * sentences, or the softmax cross-entropy averaged over real (unpadded) tokens.
   */
  public Tensor loss(TaggerBatch batch) {
    if (batch.tags() == null) {
      throw new IllegalArgumentException("tagger: the batch has no gold tags");
    }
    Tensor scores = emissions(batch);
    if (crf != null) {
      return crf.negativeLogLikelihood(scores, batch.tags(), batch.lengths(), Reduction.MEAN);
    }
    int t = batch.time();
    int[] gold = batch.tags().toArray();
    float[] mask = new float[gold.length];
    for (int i = 0; i < gold.length; i++) {
      boolean real = i % t < batch.lengths()[i / t];
      mask[i] = real ? 1f : 0f;
      if (!real) {
        gold[i] = 0;
      }
    }
    return new CrossEntropyLoss().withClassAxis(-1).apply(scores,
        IntTensor.of(gold, batch.size(), t), Tensor.wrap(mask, batch.size(), t));
  }

  /** The predicted tag ids of each sentence ({@code lengths[b]} each); no graph is recorded. */
  public int[][] predict(TaggerBatch batch) {
    Tensor scores;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      scores = emissions(batch);
    }
    if (crf != null) {
      return crf.decode(scores, batch.lengths());
    }
    int k = options.tags();
    int t = batch.time();
    float[] e = scores.data();
    int[][] out = new int[batch.size()][];
    for (int b = 0; b < out.length; b++) {
      out[b] = new int[batch.lengths()[b]];
      for (int i = 0; i < out[b].length; i++) {
        int base = (b * t + i) * k;
        int best = 0;
        for (int j = 1; j < k; j++) {
          if (e[base + j] > e[base + best]) {
            best = j;
          }
        }
        out[b][i] = best;
      }
    }
    return out;
  }
}
