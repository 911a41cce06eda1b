package org.seqlearn.audio.fft;

/**
 * Radix-8 Stockham pass (see {@link Butterflies} for the indexing): an 8-point DFT split as two
 * radix-2 halves and two 4-point DFTs, {@code √½} rotations for the odd outputs. Three loop shapes:
 * no twiddles when {@code m == 1}, the sub-transform index innermost when {@code s < m} (long,
 * linear loops in the first passes), the stride index innermost otherwise.
 */
final class Radix8 {
  private static final float H = (float) Math.sqrt(0.5);

  private Radix8() {}

  static void pass(float[] x, float[] y, int s, int m, float[] tw) {
    if (m == 1) {
      noTwiddle(x, y, s);
    } else if (s < m) {
      strideOuter(x, y, s, m, tw);
    } else {
      strideInner(x, y, s, m, tw);
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
      float a5r = x[a + 5 * d];
      float a5i = x[a + 5 * d + 1];
      float a6r = x[a + 6 * d];
      float a6i = x[a + 6 * d + 1];
      float a7r = x[a + 7 * d];
      float a7i = x[a + 7 * d + 1];
      float b0r = a0r + a4r;
      float b0i = a0i + a4i;
      float b1r = a1r + a5r;
      float b1i = a1i + a5i;
      float b2r = a2r + a6r;
      float b2i = a2i + a6i;
      float b3r = a3r + a7r;
      float b3i = a3i + a7i;
      float c0r = a0r - a4r;
      float c0i = a0i - a4i;
      float d1r = a1r - a5r;
      float d1i = a1i - a5i;
      float c1r = H * (d1r + d1i);
      float c1i = H * (d1i - d1r);
      float c2r = a2i - a6i;
      float c2i = a6r - a2r;
      float d3r = a3r - a7r;
      float d3i = a3i - a7i;
      float c3r = H * (d3i - d3r);
      float c3i = -H * (d3r + d3i);
      float e0r = b0r + b2r;
      float e0i = b0i + b2i;
      float e1r = b0r - b2r;
      float e1i = b0i - b2i;
      float e2r = b1r + b3r;
      float e2i = b1i + b3i;
      float e3r = b1i - b3i;
      float e3i = b3r - b1r;
      float f0r = c0r + c2r;
      float f0i = c0i + c2i;
      float f1r = c0r - c2r;
      float f1i = c0i - c2i;
      float f2r = c1r + c3r;
      float f2i = c1i + c3i;
      float f3r = c1i - c3i;
      float f3i = c3r - c1r;
      y[o] = e0r + e2r;
      y[o + 1] = e0i + e2i;
      y[o + s2] = f0r + f2r;
      y[o + s2 + 1] = f0i + f2i;
      y[o + 2 * s2] = e1r + e3r;
      y[o + 2 * s2 + 1] = e1i + e3i;
      y[o + 3 * s2] = f1r + f3r;
      y[o + 3 * s2 + 1] = f1i + f3i;
      y[o + 4 * s2] = e0r - e2r;
      y[o + 4 * s2 + 1] = e0i - e2i;
      y[o + 5 * s2] = f0r - f2r;
      y[o + 5 * s2 + 1] = f0i - f2i;
      y[o + 6 * s2] = e1r - e3r;
      y[o + 6 * s2 + 1] = e1i - e3i;
      y[o + 7 * s2] = f1r - f3r;
      y[o + 7 * s2 + 1] = f1i - f3i;
    }
  }

  private static void strideOuter(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int q = 0; q < s2; q += 2) {
      for (int j = 0; j < m; j++) {
        int t = 14 * j;
        float w1r = tw[t + 0];
        float w1i = tw[t + 1];
        float w2r = tw[t + 2];
        float w2i = tw[t + 3];
        float w3r = tw[t + 4];
        float w3i = tw[t + 5];
        float w4r = tw[t + 6];
        float w4i = tw[t + 7];
        float w5r = tw[t + 8];
        float w5i = tw[t + 9];
        float w6r = tw[t + 10];
        float w6i = tw[t + 11];
        float w7r = tw[t + 12];
        float w7i = tw[t + 13];
        int a = 2 * s * j + q;
        int o = 16 * s * j + q;
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
        float a5r = x[a + 5 * d];
        float a5i = x[a + 5 * d + 1];
        float a6r = x[a + 6 * d];
        float a6i = x[a + 6 * d + 1];
        float a7r = x[a + 7 * d];
        float a7i = x[a + 7 * d + 1];
        float b0r = a0r + a4r;
        float b0i = a0i + a4i;
        float b1r = a1r + a5r;
        float b1i = a1i + a5i;
        float b2r = a2r + a6r;
        float b2i = a2i + a6i;
        float b3r = a3r + a7r;
        float b3i = a3i + a7i;
        float c0r = a0r - a4r;
        float c0i = a0i - a4i;
        float d1r = a1r - a5r;
        float d1i = a1i - a5i;
        float c1r = H * (d1r + d1i);
        float c1i = H * (d1i - d1r);
        float c2r = a2i - a6i;
        float c2i = a6r - a2r;
        float d3r = a3r - a7r;
        float d3i = a3i - a7i;
        float c3r = H * (d3i - d3r);
        float c3i = -H * (d3r + d3i);
        float e0r = b0r + b2r;
        float e0i = b0i + b2i;
        float e1r = b0r - b2r;
        float e1i = b0i - b2i;
        float e2r = b1r + b3r;
        float e2i = b1i + b3i;
        float e3r = b1i - b3i;
        float e3i = b3r - b1r;
        float f0r = c0r + c2r;
        float f0i = c0i + c2i;
        float f1r = c0r - c2r;
        float f1i = c0i - c2i;
        float f2r = c1r + c3r;
        float f2i = c1i + c3i;
        float f3r = c1i - c3i;
        float f3i = c3r - c1r;
        y[o] = e0r + e2r;
        y[o + 1] = e0i + e2i;
        float y1r = f0r + f2r;
        float y1i = f0i + f2i;
        y[o + s2] = y1r * w1r - y1i * w1i;
        y[o + s2 + 1] = y1r * w1i + y1i * w1r;
        float y2r = e1r + e3r;
        float y2i = e1i + e3i;
        y[o + 2 * s2] = y2r * w2r - y2i * w2i;
        y[o + 2 * s2 + 1] = y2r * w2i + y2i * w2r;
        float y3r = f1r + f3r;
        float y3i = f1i + f3i;
        y[o + 3 * s2] = y3r * w3r - y3i * w3i;
        y[o + 3 * s2 + 1] = y3r * w3i + y3i * w3r;
        float y4r = e0r - e2r;
        float y4i = e0i - e2i;
        y[o + 4 * s2] = y4r * w4r - y4i * w4i;
        y[o + 4 * s2 + 1] = y4r * w4i + y4i * w4r;
        float y5r = f0r - f2r;
        float y5i = f0i - f2i;
        y[o + 5 * s2] = y5r * w5r - y5i * w5i;
        y[o + 5 * s2 + 1] = y5r * w5i + y5i * w5r;
        float y6r = e1r - e3r;
        float y6i = e1i - e3i;
        y[o + 6 * s2] = y6r * w6r - y6i * w6i;
        y[o + 6 * s2 + 1] = y6r * w6i + y6i * w6r;
        float y7r = f1r - f3r;
        float y7i = f1i - f3i;
        y[o + 7 * s2] = y7r * w7r - y7i * w7i;
        y[o + 7 * s2 + 1] = y7r * w7i + y7i * w7r;
      }
    }
  }

  private static void strideInner(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 14 * j;
      float w1r = tw[t + 0];
      float w1i = tw[t + 1];
      float w2r = tw[t + 2];
      float w2i = tw[t + 3];
      float w3r = tw[t + 4];
      float w3i = tw[t + 5];
      float w4r = tw[t + 6];
      float w4i = tw[t + 7];
      float w5r = tw[t + 8];
      float w5i = tw[t + 9];
      float w6r = tw[t + 10];
      float w6i = tw[t + 11];
      float w7r = tw[t + 12];
      float w7i = tw[t + 13];
      int in = 2 * s * j;
      int out = 16 * s * j;
      for (int q = 0; q < s2; q += 2) {
        int a = in + q;
        int o = out + q;
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
        float a5r = x[a + 5 * d];
        float a5i = x[a + 5 * d + 1];
        float a6r = x[a + 6 * d];
        float a6i = x[a + 6 * d + 1];
        float a7r = x[a + 7 * d];
        float a7i = x[a + 7 * d + 1];
        float b0r = a0r + a4r;
        float b0i = a0i + a4i;
        float b1r = a1r + a5r;
        float b1i = a1i + a5i;
        float b2r = a2r + a6r;
        float b2i = a2i + a6i;
        float b3r = a3r + a7r;
        float b3i = a3i + a7i;
        float c0r = a0r - a4r;
        float c0i = a0i - a4i;
        float d1r = a1r - a5r;
        float d1i = a1i - a5i;
        float c1r = H * (d1r + d1i);
        float c1i = H * (d1i - d1r);
        float c2r = a2i - a6i;
        float c2i = a6r - a2r;
        float d3r = a3r - a7r;
        float d3i = a3i - a7i;
        float c3r = H * (d3i - d3r);
        float c3i = -H * (d3r + d3i);
        float e0r = b0r + b2r;
        float e0i = b0i + b2i;
        float e1r = b0r - b2r;
        float e1i = b0i - b2i;
        float e2r = b1r + b3r;
        float e2i = b1i + b3i;
        float e3r = b1i - b3i;
        float e3i = b3r - b1r;
        float f0r = c0r + c2r;
        float f0i = c0i + c2i;
        float f1r = c0r - c2r;
        float f1i = c0i - c2i;
        float f2r = c1r + c3r;
        float f2i = c1i + c3i;
        float f3r = c1i - c3i;
        float f3i = c3r - c1r;
        y[o] = e0r + e2r;
        y[o + 1] = e0i + e2i;
        float y1r = f0r + f2r;
        float y1i = f0i + f2i;
        y[o + s2] = y1r * w1r - y1i * w1i;
        y[o + s2 + 1] = y1r * w1i + y1i * w1r;
        float y2r = e1r + e3r;
        float y2i = e1i + e3i;
        y[o + 2 * s2] = y2r * w2r - y2i * w2i;
        y[o + 2 * s2 + 1] = y2r * w2i + y2i * w2r;
        float y3r = f1r + f3r;
        float y3i = f1i + f3i;
        y[o + 3 * s2] = y3r * w3r - y3i * w3i;
        y[o + 3 * s2 + 1] = y3r * w3i + y3i * w3r;
        float y4r = e0r - e2r;
        float y4i = e0i - e2i;
        y[o + 4 * s2] = y4r * w4r - y4i * w4i;
        y[o + 4 * s2 + 1] = y4r * w4i + y4i * w4r;
        float y5r = f0r - f2r;
        float y5i = f0i - f2i;
        y[o + 5 * s2] = y5r * w5r - y5i * w5i;
        y[o + 5 * s2 + 1] = y5r * w5i + y5i * w5r;
        float y6r = e1r - e3r;
        float y6i = e1i - e3i;
        y[o + 6 * s2] = y6r * w6r - y6i * w6i;
        y[o + 6 * s2 + 1] = y6r * w6i + y6i * w6r;
        float y7r = f1r - f3r;
        float y7i = f1i - f3i;
        y[o + 7 * s2] = y7r * w7r - y7i * w7i;
        y[o + 7 * s2 + 1] = y7r * w7i + y7i * w7r;
      }
    }
  }
}
