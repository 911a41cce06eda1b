package org.seqlearn.audio.ctc;

import java.util.Arrays;

/**
 * Best-path CTC decoding: the most likely symbol at each frame, then repeats collapsed and blanks
 * dropped ({@code "ttt_h_eee___ ___qqq__"} → {@code "the q"}). Fast, but it scores one alignment,
 * not the label sequence: two frames with {@code P(blank) = 0.6, P(a) = 0.4} give {@code ""} (path
 * probability 0.36) although {@code P("a") = 0.64}; {@link CtcPrefixBeamSearch} finds the latter.
 */
public final class CtcGreedyDecoder {
  private final int blank;

  /** A decoder whose blank is symbol {@code blank}. */
  public CtcGreedyDecoder(int blank) {
    if (blank < 0) {
      throw new IllegalArgumentException("blank index must be >= 0, got " + blank);
    }
    this.blank = blank;
  }

  /**
   * Decodes one utterance.
   *
   * @param logProbs {@code [frames, symbols]}
   * @return the collapsed best path; {@link CtcHypothesis#logProb()} and {@code score} are the
   *     path's log probability (the sum of the per-frame maxima), each token's frame is the first
   *     frame of its run
   */
  public CtcHypothesis decode(FrameLogProbs logProbs) {
    logProbs.checkBlank(blank);
    int[] path = new int[logProbs.frames()];
    double logProb = 0;
    for (int t = 0; t < path.length; t++) {
      path[t] = logProbs.argmax(t);
      logProb += logProbs.get(t, path[t]);
    }
    int[] tokens = new int[path.length];
    int[] frames = new int[path.length];
    int n = 0;
    for (int t = 0; t < path.length; t++) {
      int s = path[t];
      if (s != blank && (t == 0 || path[t - 1] != s)) {
        tokens[n] = s;
        frames[n++] = t;
      }
    }
    return new CtcHypothesis(Arrays.copyOf(tokens, n), Arrays.copyOf(frames, n), logProb,
        logProb);
  }

  /**
   * Collapses an alignment: merges runs of the same symbol, then drops blanks.
   *
   * @param path one symbol per frame
   * @return the label sequence
   */
  public static int[] collapse(int[] path, int blank) {
    int[] out = new int[path.length];
    int n = 0;
    for (int t = 0; t < path.length; t++) {
      if (path[t] != blank && (t == 0 || path[t - 1] != path[t])) {
        out[n++] = path[t];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
