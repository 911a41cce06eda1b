package org.seqlearn.attention.seq2seq;

import org.seqlearn.core.GradMode;
import org.seqlearn.layers.decode.StepDecoder;

/**
 * An {@link AttentionDecoder} as the searches of {@code org.seqlearn.layers.decode} see it: each
 * call runs one batched step for all rows (sentences × beams) without recording a graph, writes
 * log P(y⟨t⟩ | x, y⟨&lt;t⟩) and keeps the step's attention weights for coverage penalties and heat
 * maps. For {@link DecoderInput#CONTEXT} the last tokens are ignored (the course's model does not
 * feed its outputs back).
 */
public final class AttentionStepDecoder implements StepDecoder<AttentionDecoderState> {

  private final AttentionDecoder decoder;
  private float[] lastAttention;

  /** Decodes with {@code decoder}'s weights (shared, not copied). */
  public AttentionStepDecoder(AttentionDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public int vocabularySize() {
    return decoder.vocabulary();
  }

  @Override
  public AttentionDecoderState step(AttentionDecoderState state, int[] lastTokens,
      float[] logProbs) {
    int rows = state.rows();
    if (lastTokens.length != rows) {
      throw new IllegalArgumentException("expected " + rows + " last tokens, got "
          + lastTokens.length);
    }
    int v = decoder.vocabulary();
    if (logProbs.length < rows * v) {
      throw new IllegalArgumentException("logProbs must hold rows x V = " + rows * v
          + " values, got " + logProbs.length);
    }
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      AttentionDecoder.Step out = decoder.inferenceStep(state, lastTokens);
      System.arraycopy(out.logProbs().data(), 0, logProbs, 0, rows * v);
      lastAttention = out.weights().data();
      return out.state();
    }
  }

  /** α⟨t,t′⟩ of the last step, {@code [rows, Tx]}; null before the first step. */
  @Override
  public float[] lastAttention() {
    return lastAttention;
  }
}
