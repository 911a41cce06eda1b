package org.seqlearn.audio.fft;

/**
 * Radix-5 Stockham pass (see {@link Butterflies} for the indexing), with a twiddle-free loop for
 * the last pass ({@code m == 1}).
 */
final class Radix5 {
  private static final float C1 = (float) Math.cos(2 * Math.PI / 5);
  private static final float C2 = (float) Math.cos(4 * Math.PI / 5);
  private static final float S1 = (float) Math.sin(2 * Math.PI / 5);
  private static final float S2 = (float) Math.sin(4 * Math.PI / 5);

  private Radix5() {}

  static void pass(float[] x, float[] y, int s, int m, float[] tw) {
    if (m == 1) {
      noTwiddle(x, y, s);
    } else {
      twiddled(x, y, s, m, tw);
    }
  }

  private static void noTwiddle(float[] x, float[] y, int s) {
    int d = 2 * s;
    int s2 = 2 * s;
    for (int a = 0; a < d; a += 2) {
      int o = a;
      float a0r = x[a];
      float a0i = x[a + 1];
      float a1r = x[a + d];
      float a1i = x[a + d + 1];
      float a2r = x[a + 2 * d];
      float a2i = x[a + 2 * d + 1];
      float a3r = x[a + 3 * d];
      float a3i = x[a + 3 * d + 1];
      float a4r = x[a + 4 * d];
      float a4i = x[a + 4 * d + 1];
      float b1r = a1r + a4r;
      float b1i = a1i + a4i;
      float b2r = a2r + a3r;
      float b2i = a2i + a3i;
      float d1r = a1r - a4r;
      float d1i = a1i - a4i;
      float d2r = a2r - a3r;
      float d2i = a2i - a3i;
      float r1r = a0r + C1 * b1r + C2 * b2r;
      float r1i = a0i + C1 * b1i + C2 * b2i;
      float r2r = a0r + C2 * b1r + C1 * b2r;
      float r2i = a0i + C2 * b1i + C1 * b2i;
      float i1r = S1 * d1r + S2 * d2r;
      float i1i = S1 * d1i + S2 * d2i;
      float i2r = S2 * d1r - S1 * d2r;
      float i2i = S2 * d1i - S1 * d2i;
      y[o] = a0r + b1r + b2r;
      y[o + 1] = a0i + b1i + b2i;
      // y1 = r1 - i·i1, y4 = r1 + i·i1, y2 = r2 - i·i2, y3 = r2 + i·i2
      float y1r = r1r + i1i;
      float y1i = r1i - i1r;
      float y4r = r1r - i1i;
      float y4i = r1i + i1r;
      float y2r = r2r + i2i;
      float y2i = r2i - i2r;
      float y3r = r2r - i2i;
      float y3i = r2i + i2r;
      y[o + s2] = y1r;
      y[o + s2 + 1] = y1i;
      y[o + 2 * s2] = y2r;
      y[o + 2 * s2 + 1] = y2i;
      y[o + 3 * s2] = y3r;
      y[o + 3 * s2 + 1] = y3i;
      y[o + 4 * s2] = y4r;
      y[o + 4 * s2 + 1] = y4i;
    }
  }

  private static void twiddled(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 8 * j;
      float w1r = tw[t];
      float w1i = tw[t + 1];
      float w2r = tw[t + 2];
      float w2i = tw[t + 3];
      float w3r = tw[t + 4];
      float w3i = tw[t + 5];
      float w4r = tw[t + 6];
      float w4i = tw[t + 7];
      int in = 2 * s * j;
      int out = 10 * s * j;
      for (int q = 0; q < s2; q += 2) {
        int a = in + q;
        float a0r = x[a];
        float a0i = x[a + 1];
        float a1r = x[a + d];
        float a1i = x[a + d + 1];
        float a2r = x[a + 2 * d];
        float a2i = x[a + 2 * d + 1];
        float a3r = x[a + 3 * d];
        float a3i = x[a + 3 * d + 1];
        float a4r = x[a + 4 * d];
        float a4i = x[a + 4 * d + 1];
        float b1r = a1r + a4r;
        float b1i = a1i + a4i;
        float b2r = a2r + a3r;
        float b2i = a2i + a3i;
        float d1r = a1r - a4r;
        float d1i = a1i - a4i;
        float d2r = a2r - a3r;
        float d2i = a2i - a3i;
        float r1r = a0r + C1 * b1r + C2 * b2r;
        float r1i = a0i + C1 * b1i + C2 * b2i;
        float r2r = a0r + C2 * b1r + C1 * b2r;
        float r2i = a0i + C2 * b1i + C1 * b2i;
        float i1r = S1 * d1r + S2 * d2r;
        float i1i = S1 * d1i + S2 * d2i;
        float i2r = S2 * d1r - S1 * d2r;
        float i2i = S2 * d1i - S1 * d2i;
        int o = out + q;
        y[o] = a0r + b1r + b2r;
        y[o + 1] = a0i + b1i + b2i;
        // y1 = r1 - i·i1, y4 = r1 + i·i1, y2 = r2 - i·i2, y3 = r2 + i·i2
        float y1r = r1r + i1i;
        float y1i = r1i - i1r;
        float y4r = r1r - i1i;
        float y4i = r1i + i1r;
        float y2r = r2r + i2i;
        float y2i = r2i - i2r;
        float y3r = r2r - i2i;
        float y3i = r2i + i2r;
        y[o + s2] = y1r * w1r - y1i * w1i;
        y[o + s2 + 1] = y1r * w1i + y1i * w1r;
        y[o + 2 * s2] = y2r * w2r - y2i * w2i;
        y[o + 2 * s2 + 1] = y2r * w2i + y2i * w2r;
        y[o + 3 * s2] = y3r * w3r - y3i * w3i;
        y[o + 3 * s2 + 1] = y3r * w3i + y3i * w3r;
        y[o + 4 * s2] = y4r * w4r - y4i * w4i;
        y[o + 4 * s2 + 1] = y4r * w4i + y4i * w4r;
      }
    }
  }
}
