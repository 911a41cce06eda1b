package org.seqlearn.audio.features;

/**
 * DCT-II matrices as torchaudio's {@code create_dct}: {@code D[n, k] = cos(π/N·(n + ½)·k)}, times
 * {@code √(2/N)} (and {@code 1/√2} for k = 0) when orthonormal, else times 2.
 */
public final class Dct {
  private Dct() {}

  /**
   * @param nCoefficients output coefficients K ≤ nInputs
   * @param nInputs input length N (mel bands)
   * @param ortho orthonormal scaling ({@code norm='ortho'})
   * @return {@code [nInputs][nCoefficients]}
   */
  public static float[][] matrix(int nCoefficients, int nInputs, boolean ortho) {
    if (nCoefficients < 1 || nInputs < 1 || nCoefficients > nInputs) {
      throw new IllegalArgumentException(
          "need 1 <= coefficients <= inputs, got " + nCoefficients + " and " + nInputs);
    }
    float[][] d = new float[nInputs][nCoefficients];
    for (int n = 0; n < nInputs; n++) {
      for (int k = 0; k < nCoefficients; k++) {
        double v = Math.cos(Math.PI / nInputs * (n + 0.5) * k);
        if (ortho) {
          v *= Math.sqrt(2.0 / nInputs) * (k == 0 ? 1 / Math.sqrt(2) : 1);
        } else {
          v *= 2;
        }
        d[n][k] = (float) v;
      }
    }
    return d;
  }
}
