package org.seqlearn.attention.seq2seq;

import org.seqlearn.attention.AttentionMemory;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.recurrent.RecurrentLayer;

/**
 * An encoder-decoder with attention: source tokens (one-hot, as in the course, or embedded) →
 * any recurrent layer of {@code layers} as the encoder (batch-first, returning all steps,
 * optionally bidirectional) giving a⟨t′⟩ → an {@link AttentionDecoder}.
 *
 * <p>Sub-modules: {@code source_embedding} (unless one-hot), {@code encoder}, {@code decoder}.
 * Source lengths, when given, make the encoder stop at each row's length and the attention give
 * padded steps zero weight; null lengths run every row over all Tx steps (the course's unmasked
 * behaviour, where padding is a token like any other).
 */
public final class AttentionSeq2Seq extends Module {

  private final int sourceVocabulary;
  private final Embedding sourceEmbedding;
  private final RecurrentLayer encoder;
  private final AttentionDecoder decoder;

  /**
   * @param sourceVocabulary source tokens; with {@code sourceEmbedding} null each token is fed to
   *     the encoder one-hot, so its input size must equal this
   * @param sourceEmbedding the source token vectors, or null for one-hot input
   * @param encoder batch-first, returning sequences; its output size must be the decoder's memory
   *     features
   */
  public AttentionSeq2Seq(int sourceVocabulary, Embedding sourceEmbedding,
      RecurrentLayer encoder, AttentionDecoder decoder) {
    int expectedInput = sourceEmbedding == null ? sourceVocabulary
        : sourceEmbedding.embeddingDim();
    if (encoder.inputSize() != expectedInput) {
      throw new IllegalArgumentException("the encoder's input size must be " + expectedInput
          + (sourceEmbedding == null ? " (one-hot source)" : " (source embedding)") + ", got "
          + encoder.inputSize());
    }
    if (!encoder.options().batchFirst() || !encoder.options().returnSequences()) {
      throw new IllegalArgumentException("the encoder must be batch-first and return sequences");
    }
    this.sourceVocabulary = sourceVocabulary;
    this.sourceEmbedding = sourceEmbedding == null ? null
        : registerModule("source_embedding", sourceEmbedding);
    this.encoder = registerModule("encoder", encoder);
    this.decoder = registerModule("decoder", decoder);
  }

  /** The decoder. */
  public AttentionDecoder decoder() {
    return decoder;
  }

  /** The encoder. */
  public RecurrentLayer encoder() {
    return encoder;
  }

  /**
   * Encodes a batch of sources and prepares them for the attention.
   *
   * @param source token ids {@code [batch, Tx]} in {@code [0, sourceVocabulary)}
   * @param lengths {@code [batch]} in {@code [1, Tx]}, or null (unmasked)
   * @return a⟨t′⟩ prepared, {@code batch} rows
   */
  public AttentionMemory encode(IntTensor source, int[] lengths) {
    if (source.rank() != 2) {
      throw new IllegalArgumentException("source must be [batch, Tx], got "
          + Shape.format(source.shape()));
    }
    Tensor x = sourceEmbedding == null ? oneHot(source) : sourceEmbedding.forward(source);
    Tensor a = encoder.forward(x, lengths).output();
    return decoder.prepare(a, lengths);
  }

  /**
   * The training forward pass (teacher forcing when autoregressive).
   *
   * @param previousTokens {@code [batch, Ty]}: the start token then the reference shifted by one;
   *     null for the non-autoregressive decoder
   * @param steps Ty
   * @return logits {@code [batch, Ty, V]} and weights {@code [batch, Ty, Tx]}
   */
  public DecoderOutput forward(IntTensor source, int[] lengths, IntTensor previousTokens,
      int steps) {
    return decoder.forward(encode(source, lengths), previousTokens, steps);
  }

  private Tensor oneHot(IntTensor source) {
    int[] ids = source.toArray();
    float[] x = new float[ids.length * sourceVocabulary];
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < 0 || ids[i] >= sourceVocabulary) {
        throw new IllegalArgumentException("source token " + i + " must be in [0, "
            + sourceVocabulary + "), got " + ids[i]);
      }
      x[i * sourceVocabulary + ids[i]] = 1f;
    }
    return Tensor.wrap(x, source.shape()[0], source.shape()[1], sourceVocabulary);
  }
}
