package org.seqlearn.layers.decode;

import java.util.Arrays;

/**
 * Options of {@link Sampler}, immutable; each setter returns a changed copy:
 *
 * <pre>{@code
 * SamplingOptions o = SamplingOptions.defaults(startId, endId)
 *     .temperature(0.8).topK(40).topP(0.95).maxLength(LengthLimit.fixed(100));
 * }</pre>
 *
 * <p>The filters apply in this order: temperature, then top-k, then top-p (nucleus), then
 * renormalisation. Lengths count output tokens without the start and end tokens; a sample that
 * reaches the maximum length is cut there without an end token.
 *
 * @param temperature divides the scores before the softmax: 1 samples the model's own
 *     distribution, below 1 sharpens it, above 1 flattens it; 0 is greedy (always the argmax)
 * @param topK keep only the k most probable tokens; 0 keeps all
 * @param topP keep the smallest set of most probable tokens whose probabilities add up to at
 *     least p, in {@code (0, 1]}; 1 keeps all
 * @param minLength the end token is not drawn before this many tokens (≥ 0)
 * @param maxLength the most tokens per sentence, possibly a function of its source length
 * @param startToken the last token fed at the first step
 * @param endToken the token that ends a sample, or -1 for none
 * @param excluded ids never drawn, e.g. padding and unknown; must not include the end token
 */
public record SamplingOptions(double temperature, int topK, double topP, int minLength,
    LengthLimit maxLength, int startToken, int endToken, int[] excluded) {

  /** Validates every field and copies {@code excluded}. */
  public SamplingOptions {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and >= 0, got "
          + temperature);
    }
    if (topK < 0) {
      throw new IllegalArgumentException("topK must be >= 0 (0 = off), got " + topK);
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1] (1 = off), got " + topP);
    }
    if (minLength < 0) {
      throw new IllegalArgumentException("minLength must be >= 0, got " + minLength);
    }
    if (maxLength == null) {
      throw new IllegalArgumentException("maxLength must not be null");
    }
    if (startToken < 0) {
      throw new IllegalArgumentException("startToken must be >= 0, got " + startToken);
    }
    if (endToken < -1) {
      throw new IllegalArgumentException("endToken must be >= 0, or -1 for none, got "
          + endToken);
    }
    excluded = excluded == null ? new int[0] : excluded.clone();
    for (int id : excluded) {
      if (id == endToken) {
        throw new IllegalArgumentException("the end token " + endToken + " cannot be excluded");
      }
      if (id < 0) {
        throw new IllegalArgumentException("excluded ids must be >= 0, got " + id);
      }
    }
  }

  /**
   * Plain sampling from the model's distribution: temperature 1, no filters, lengths 0 to 200,
   * nothing excluded.
   *
   * @param endToken the end token, or -1 for none
   */
  public static SamplingOptions defaults(int startToken, int endToken) {
    return new SamplingOptions(1, 0, 1, 0, LengthLimit.fixed(200), startToken, endToken,
        new int[0]);
  }

  /** The excluded ids (a copy). */
  @Override
  public int[] excluded() {
    return excluded.clone();
  }

  /** A copy with this temperature. */
  public SamplingOptions temperature(double value) {
    return new SamplingOptions(value, topK, topP, minLength, maxLength, startToken, endToken,
        excluded);
  }

  /** A copy with this top-k (0 = off). */
  public SamplingOptions topK(int value) {
    return new SamplingOptions(temperature, value, topP, minLength, maxLength, startToken,
        endToken, excluded);
  }

  /** A copy with this top-p (1 = off). */
  public SamplingOptions topP(double value) {
    return new SamplingOptions(temperature, topK, value, minLength, maxLength, startToken,
        endToken, excluded);
  }

  /** A copy with this minimum length. */
  public SamplingOptions minLength(int value) {
    return new SamplingOptions(temperature, topK, topP, value, maxLength, startToken, endToken,
        excluded);
  }

  /** A copy with this maximum length. */
  public SamplingOptions maxLength(LengthLimit value) {
    return new SamplingOptions(temperature, topK, topP, minLength, value, startToken, endToken,
        excluded);
  }

  /** A copy with this fixed maximum length. */
  public SamplingOptions maxLength(int tokens) {
    return maxLength(LengthLimit.fixed(tokens));
  }

  /** A copy with this start token. */
  public SamplingOptions startToken(int value) {
    return new SamplingOptions(temperature, topK, topP, minLength, maxLength, value, endToken,
        excluded);
  }

  /** A copy that never draws these ids. */
  public SamplingOptions excluded(int... ids) {
    return new SamplingOptions(temperature, topK, topP, minLength, maxLength, startToken,
        endToken, ids);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SamplingOptions other && temperature == other.temperature
        && topK == other.topK && topP == other.topP && minLength == other.minLength
        && maxLength.equals(other.maxLength) && startToken == other.startToken
        && endToken == other.endToken && Arrays.equals(excluded, other.excluded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {temperature, topK, topP, minLength, maxLength.hashCode(),
        startToken, endToken, Arrays.hashCode(excluded)});
  }

  @Override
  public String toString() {
    return "SamplingOptions[temperature=" + temperature + ", topK=" + topK + ", topP=" + topP
        + ", minLength=" + minLength + ", maxLength=" + maxLength + ", startToken=" + startToken
        + ", endToken=" + endToken + ", excluded=" + Arrays.toString(excluded) + "]";
  }
}
