package org.seqlearn.audio.ctc;

/**
 * Settings of {@link CtcPrefixBeamSearch}, immutable; the {@code with…} methods return copies.
 *
 * <ul>
 *   <li>{@code beamWidth} (default 16): prefixes kept after each frame.
 *   <li>{@code tokensPerFrame} (default all): only the {@code k} most likely symbols of a frame
 *       extend prefixes (torchaudio's {@code beam_size_token}).
 *   <li>{@code tokenLogProbThreshold} (default {@code -∞}): symbols whose log-probability at a
 *       frame is below it are skipped (pyctcdecode's {@code token_min_logp}); the frame's best
 *       symbol is always kept.
 *   <li>{@code beamThreshold} (default {@code +∞}): prefixes scoring more than this below the
 *       frame's best are dropped (torchaudio's {@code beam_threshold}).
 *   <li>{@code blank} (default 0): the blank's symbol index.
 *   <li>{@code nBest} (default 1): hypotheses returned.
 * </ul>
 */
public record CtcBeamOptions(int beamWidth, int tokensPerFrame, double tokenLogProbThreshold,
    double beamThreshold, int blank, int nBest) {

  public CtcBeamOptions {
    require(beamWidth >= 1, "beamWidth >= 1", beamWidth);
    require(tokensPerFrame >= 1, "tokensPerFrame >= 1", tokensPerFrame);
    require(!Double.isNaN(tokenLogProbThreshold), "a tokenLogProbThreshold", "NaN");
    require(beamThreshold >= 0, "beamThreshold >= 0", beamThreshold);
    require(blank >= 0, "blank >= 0", blank);
    require(nBest >= 1 && nBest <= beamWidth, "1 <= nBest <= beamWidth (" + beamWidth + ")",
        nBest);
  }

  private static void require(boolean ok, String expected, Object actual) {
    if (!ok) {
      throw new IllegalArgumentException("expected " + expected + ", got " + actual);
    }
  }

  /** Beam width 16, every symbol, no thresholds, blank 0, one hypothesis. */
  public static CtcBeamOptions defaults() {
    return new CtcBeamOptions(16, Integer.MAX_VALUE, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, 0, 1);
  }

  /** A copy with this beam width; {@code nBest} is lowered to it if larger. */
  public CtcBeamOptions withBeamWidth(int value) {
    return new CtcBeamOptions(value, tokensPerFrame, tokenLogProbThreshold, beamThreshold, blank,
        Math.min(nBest, Math.max(1, value)));
  }

  public CtcBeamOptions withTokensPerFrame(int value) {
    return new CtcBeamOptions(beamWidth, value, tokenLogProbThreshold, beamThreshold, blank,
        nBest);
  }

  public CtcBeamOptions withTokenLogProbThreshold(double value) {
    return new CtcBeamOptions(beamWidth, tokensPerFrame, value, beamThreshold, blank, nBest);
  }

  public CtcBeamOptions withBeamThreshold(double value) {
    return new CtcBeamOptions(beamWidth, tokensPerFrame, tokenLogProbThreshold, value, blank,
        nBest);
  }

  public CtcBeamOptions withBlank(int value) {
    return new CtcBeamOptions(beamWidth, tokensPerFrame, tokenLogProbThreshold, beamThreshold,
        value, nBest);
  }

  public CtcBeamOptions withNBest(int value) {
    return new CtcBeamOptions(beamWidth, tokensPerFrame, tokenLogProbThreshold, beamThreshold,
        blank, value);
  }
}
