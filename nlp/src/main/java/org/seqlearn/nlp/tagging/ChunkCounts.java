package org.seqlearn.nlp.tagging;

/**
 * Chunk counts for one entity type or overall, with conlleval's percentages.
 *
 * @param gold chunks in the gold tags
 * @param predicted chunks in the predicted tags
 * @param correct predicted chunks with the gold chunk's exact span and type
 */
public record ChunkCounts(int gold, int predicted, int correct) {

  /** {@code 100 · correct / predicted}, 0 when nothing was predicted. */
  public double precision() {
    return predicted > 0 ? 100.0 * correct / predicted : 0.0;
  }

  /** {@code 100 · correct / gold}, 0 when there is no gold chunk. */
  public double recall() {
    return gold > 0 ? 100.0 * correct / gold : 0.0;
  }

  /** The harmonic mean {@code 2PR / (P + R)} of the percentages, 0 when both are 0. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
}
