package org.seqlearn.nlp.word2vec;

/**
 * Precomputed σ(x) and log σ(x) on {@code [-6, 6]} in 1000 steps, as in word2vec and gensim
 * ({@code EXP_TABLE_SIZE = 1000}, {@code MAX_EXP = 6}). Outside the range σ saturates to 0 or 1.
 */
final class SigmoidTable {

  static final float MAX_EXP = 6f;
  static final int SIZE = 1000;
  private static final float SCALE = SIZE / MAX_EXP / 2f;

  private static final float[] SIGMOID = new float[SIZE];
  private static final float[] LOG_SIGMOID = new float[SIZE];

  static {
    for (int i = 0; i < SIZE; i++) {
      double e = Math.exp((i / (double) SIZE * 2 - 1) * MAX_EXP);
      SIGMOID[i] = (float) (e / (e + 1));
      LOG_SIGMOID[i] = (float) Math.log(e / (e + 1));
    }
  }

  private SigmoidTable() {}

  /** The table slot of f; float rounding can reach SIZE just below MAX_EXP, hence the clamp. */
  private static int index(float f) {
    return Math.min(SIZE - 1, (int) ((f + MAX_EXP) * SCALE));
  }

  /** σ(f) for {@code -MAX_EXP < f < MAX_EXP}. */
  static float sigmoid(float f) {
    return SIGMOID[index(f)];
  }

  /** −log σ(f), clamped to the table's range; for the reported loss. */
  static float negLogSigmoid(float f) {
    if (f >= MAX_EXP) {
      return 0f;
    }
    if (f <= -MAX_EXP) {
      return -f;
    }
    return -LOG_SIGMOID[index(f)];
  }
}
