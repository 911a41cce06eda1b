package org.seqlearn.layers.decode;

/** When beam search stops working on a sentence. */
public enum Stopping {
  /**
   * Keep expanding until no unfinished hypothesis can still beat the worst of the n best finished
   * ones (or none is left): the result is then the same as running every beam to the maximum
   * length. See {@link BeamSearch} for the bound used with length normalisation: it assumes the
   * longest allowed output, so a loose maximum length (the default 200) keeps unlikely beams
   * alive to the end; set a tight one, e.g. linear in the source length.
   */
  EXACT,
  /**
   * Stop as soon as n hypotheses have finished (fairseq's and Hugging Face's
   * {@code early_stopping=True}). Faster, but inexact: an unfinished hypothesis that would have
   * scored better, typically a longer one under length normalisation, is dropped.
   */
  EARLY
}
