package org.seqlearn.nlp.word2vec;

/**
 * Precomputed σ(x) and log σ(x) on {@code [-6, 6]} in 1000 steps, as in word2vec and gensim
 * ({@code EXP_TABLE_SIZE = 1000}, {@code MAX_EXP = 6}). Outside the range σ saturates to 0 or 1.
 *
 * <p>Both read the table at {@code (int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))} with
 * C integer division in the scale: 83, not 83.3. Entry {@code i} holds σ(12·i/1000 − 6), so a
 * score {@code f} is read as σ of about {@code 0.996·f − 0.03} (σ(0) reads as 0.494). We read it
 * the same way, so that an update equals theirs. (On the analogy benchmark the exact scale
 * scores the same within run-to-run noise; BENCHMARKS.md.)
 */
final class SigmoidTable {

  static final float MAX_EXP = 6f;
  static final int SIZE = 1000;
  /** {@code EXP_TABLE_SIZE / MAX_EXP / 2} in integer arithmetic, as word2vec and gensim have it. */
  private static final float SCALE = SIZE / 6 / 2;

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
