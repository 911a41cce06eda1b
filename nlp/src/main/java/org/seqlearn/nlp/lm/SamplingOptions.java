package org.seqlearn.nlp.lm;

import org.seqlearn.layers.decode.LengthLimit;

/**
 * How to draw each next token when sampling from a language model. The filters apply in this
 * order: temperature, then top-k, then top-p (nucleus), then renormalisation.
 *
 * @param temperature divides the logits before the softmax: 1 samples the model's own
 *     distribution, below 1 sharpens it, above 1 flattens it; 0 is greedy (always the argmax)
 * @param topK keep only the k most probable tokens; 0 keeps all
 * @param topP keep the smallest set of most probable tokens whose probabilities add up to at
 *     least p, in {@code (0, 1]}; 1 keeps all
 * @param maxLength the most tokens to generate (⟨EOS⟩ not counted), ≥ 1
 */
public record SamplingOptions(double temperature, int topK, double topP, int maxLength) {

  /** Validates every field. */
  public SamplingOptions {
    // the decode package's options check temperature, top-k and top-p, with the same messages
    decodeOptions(temperature, topK, topP, 1, -1, null);
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
  }

  /**
   * These options for {@link org.seqlearn.layers.decode.Sampler}, which does the sampling.
   *
   * @param endToken the end token (-1 for none); also the start token here, as ⟨EOS⟩ is
   * @param excluded ids never drawn
   */
  public org.seqlearn.layers.decode.SamplingOptions toDecodeOptions(int endToken,
      int[] excluded) {
    return decodeOptions(temperature, topK, topP, maxLength, endToken, excluded);
  }

  private static org.seqlearn.layers.decode.SamplingOptions decodeOptions(double temperature,
      int topK, double topP, int maxLength, int endToken, int[] excluded) {
    return new org.seqlearn.layers.decode.SamplingOptions(temperature, topK, topP, 0,
        LengthLimit.fixed(maxLength), Math.max(endToken, 0), endToken, excluded);
  }

  /** Plain sampling from the model's distribution: temperature 1, no filters, at most 50 tokens. */
  public static SamplingOptions defaults() {
    return new SamplingOptions(1, 0, 1, 50);
  }

  /** Greedy decoding (always the most probable token). */
  public static SamplingOptions greedy() {
    return new SamplingOptions(0, 0, 1, 50);
  }

  /** A copy with this temperature. */
  public SamplingOptions withTemperature(double value) {
    return new SamplingOptions(value, topK, topP, maxLength);
  }

  /** A copy with this top-k (0 = off). */
  public SamplingOptions withTopK(int value) {
    return new SamplingOptions(temperature, value, topP, maxLength);
  }

  /** A copy with this top-p (1 = off). */
  public SamplingOptions withTopP(double value) {
    return new SamplingOptions(temperature, topK, value, maxLength);
  }

  /** A copy with this maximum length. */
  public SamplingOptions withMaxLength(int value) {
    return new SamplingOptions(temperature, topK, topP, value);
  }
}
