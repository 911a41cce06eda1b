package org.seqlearn.audio.ctc.lm;

/** How {@link NgramEstimator} turns counts into probabilities. */
public enum Smoothing {
  /**
   * Interpolated Kneser-Ney with one absolute discount {@code D} (NLTK's {@code
   * KneserNeyInterpolated}): the highest order discounts raw counts, lower orders discount
   * continuation counts {@code N1+(• h w)}, and the unigram is {@code N1+(• w) / N1+(• •)}.
   */
  KNESER_NEY,
  /**
   * Interpolated Witten-Bell (NLTK's {@code WittenBellInterpolated}): {@code γ(h) = N1+(h •) /
   * (N1+(h •) + c(h))}, maximum-likelihood unigrams.
   */
  WITTEN_BELL
}
