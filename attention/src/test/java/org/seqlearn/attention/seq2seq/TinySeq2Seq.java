package org.seqlearn.attention.seq2seq;

import java.util.Arrays;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/** Tiny models for the seq2seq tests. */
final class TinySeq2Seq {

  static final int SOURCE_VOCAB = 5;
  static final int TARGET_VOCAB = 4;

  private TinySeq2Seq() {}

  /** One-hot source → Bi-LSTM 3 → additive attention → LSTM 4 → 4 tokens. */
  static AttentionSeq2Seq build(DecoderInput input, long seed) {
    Lstm encoder = new Lstm(SOURCE_VOCAB, 3,
        RecurrentOptions.defaults().bidirectional(true).batchFirst(true).seed(seed));
    AttentionDecoder decoder = new AttentionDecoder(input, 6, 4, TARGET_VOCAB, 2, seed + 1);
    AttentionSeq2Seq model = new AttentionSeq2Seq(SOURCE_VOCAB, null, encoder, decoder);
    // keep the course scorer's relu away from its kink, so finite differences are smooth
    Arrays.fill(model.namedParameters().get("decoder.attention.dense1.bias").data(), 1.5f);
    return model;
  }
}
