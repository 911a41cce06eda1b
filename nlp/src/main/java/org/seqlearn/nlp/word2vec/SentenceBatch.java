package org.seqlearn.nlp.word2vec;

/**
 * A job for a worker: consecutive sentences of word ids (vocabulary words only, before
 * subsampling) in one flat array. Sentence {@code s} is {@code words[ends[s - 1] .. ends[s])}
 * (with {@code ends[-1] = 0}).
 */
final class SentenceBatch {

  /** Marks the end of the corpus stream. */
  static final SentenceBatch END = new SentenceBatch(new int[0], new int[0], 0, 0, -1, 0);

  final int[] words;
  final int[] ends;
  final int sentences;
  final int length;
  final int epoch;
  final long rawWords;

  SentenceBatch(int[] words, int[] ends, int sentences, int length, int epoch, long rawWords) {
    this.words = words;
    this.ends = ends;
    this.sentences = sentences;
    this.length = length;
    this.epoch = epoch;
    this.rawWords = rawWords;
  }
}
