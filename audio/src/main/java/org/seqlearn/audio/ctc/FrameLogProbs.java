package org.seqlearn.audio.ctc;

import org.seqlearn.core.Tensor;

/**
 * A network's per-frame log-probabilities over the CTC symbols (the blank included): {@code
 * [frames, symbols]}, row-major, natural logarithms (e.g. the output of {@code logSoftmax(-1)}).
 * This is what the CTC decoders read; it holds a copy of the values, so later changes to the
 * source do not affect a decode.
 */
public final class FrameLogProbs {
  private final float[] values;
  private final int frames;
  private final int symbols;

  private FrameLogProbs(float[] values, int frames, int symbols) {
    this.values = values;
    this.frames = frames;
    this.symbols = symbols;
  }

  /**
   * Copies {@code values} {@code [frames, symbols]}.
   *
   * @throws IllegalArgumentException if the length does not match, there is no symbol, or a value
   *     is NaN or {@code +∞} (a log-probability is at most 0 up to rounding; {@code -∞} is allowed)
   */
  public static FrameLogProbs of(float[] values, int frames, int symbols) {
    if (frames < 0 || symbols < 1) {
      throw new IllegalArgumentException(
          "expected frames >= 0 and symbols >= 1, got " + frames + " and " + symbols);
    }
    if ((long) frames * symbols != values.length) {
      throw new IllegalArgumentException("expected " + (long) frames * symbols
          + " values for [" + frames + ", " + symbols + "], got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (Float.isNaN(v) || v == Float.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("expected log-probabilities, got " + v + " at frame "
            + i / symbols + ", symbol " + i % symbols);
      }
    }
    return new FrameLogProbs(values.clone(), frames, symbols);
  }

  /** Copies a tensor of shape {@code [frames, symbols]}. */
  public static FrameLogProbs of(Tensor logProbs) {
    if (logProbs.rank() != 2) {
      throw new IllegalArgumentException("expected log-probabilities of shape [frames, symbols], "
          + "got rank " + logProbs.rank());
    }
    return of(logProbs.toArray(), logProbs.dim(0), logProbs.dim(1));
  }

  /** Number of frames {@code T}. */
  public int frames() {
    return frames;
  }

  /** Number of symbols {@code V}, the blank included. */
  public int symbols() {
    return symbols;
  }

  /** {@code log p(symbol | frame)}. */
  public float get(int frame, int symbol) {
    return values[frame * symbols + symbol];
  }

  /** The symbol with the highest log-probability at a frame (the lowest index on ties). */
  public int argmax(int frame) {
    int base = frame * symbols;
    int best = 0;
    for (int s = 1; s < symbols; s++) {
      if (values[base + s] > values[base + best]) {
        best = s;
      }
    }
    return best;
  }

  void checkBlank(int blank) {
    if (blank < 0 || blank >= symbols) {
      throw new IllegalArgumentException(
          "blank index must be in [0, " + symbols + "), got " + blank);
    }
  }
}
