package org.seqlearn.audio.ctc;

import java.util.Arrays;

/**
 * One decoded label sequence.
 *
 * @param tokens the symbol indices after collapsing repeats and dropping blanks
 * @param frames for each token, the frame at which it was emitted ({@code tokens.length} entries;
 *     multiply by the hop length for a time stamp)
 * @param logProb the natural-log acoustic probability: for the prefix beam search, {@code log P(y
 *     | x)} summed over all the alignments the search kept; for the greedy decoder, the log
 *     probability of its single best path
 * @param score the ranking score: {@code logProb} plus whatever the scorers added (language
 *     model, word bonus, hotwords); equal to {@code logProb} without scorers
 */
public record CtcHypothesis(int[] tokens, int[] frames, double logProb, double score) {

  public CtcHypothesis {
    if (tokens.length != frames.length) {
      throw new IllegalArgumentException("expected one frame per token, got " + tokens.length
          + " tokens and " + frames.length + " frames");
    }
    tokens = tokens.clone();
    frames = frames.clone();
  }

  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  @Override
  public int[] frames() {
    return frames.clone();
  }

  /** Number of tokens. */
  public int length() {
    return tokens.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CtcHypothesis h && Arrays.equals(tokens, h.tokens)
        && Arrays.equals(frames, h.frames) && Double.compare(logProb, h.logProb) == 0
        && Double.compare(score, h.score) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens) * 31 + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "CtcHypothesis" + Arrays.toString(tokens) + " at " + Arrays.toString(frames)
        + " logProb=" + logProb + " score=" + score;
  }
}
