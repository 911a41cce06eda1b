package org.seqlearn.audio.fft;

/**
 * One Stockham decimation-in-frequency pass per radix (2, 3, 4; 5 in {@link Radix5}, 8 in {@link
 * Radix8}) on interleaved complex arrays ({@code re, im, re, im, ...}).
 *
 * <p>A pass of radix {@code p} over sub-transforms of length {@code L = p·m} with stride {@code s}
 * reads {@code a_r = x[q + s(j + r·m)]} and writes {@code y[q + s(p·j + k)] = DFT_p(a)_k ·
 * W_L^{jk}} for {@code j < m, q < s}. Twiddles {@code W_L^{jk}} are precomputed as {@code
 * tw[2((p-1)j + k-1)]}. Passes with {@code m == 1} need no twiddles and use the {@code *NoTwiddle}
 * loops.
 */
final class Butterflies {
  private static final float SIN_60 = (float) Math.sin(Math.PI / 3);

  private Butterflies() {}

  static void pass(int p, float[] x, float[] y, int s, int m, float[] tw) {
    switch (p) {
      case 8 -> Radix8.pass(x, y, s, m, tw);
      case 4 -> radix4(x, y, s, m, tw);
      case 2 -> radix2(x, y, s, m, tw);
      case 3 -> radix3(x, y, s, m, tw);
      case 5 -> Radix5.pass(x, y, s, m, tw);
      default -> throw new IllegalStateException("radix " + p);
    }
  }

  static void radix2(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    for (int j = 0; j < m; j++) {
      float wr = tw[2 * j];
      float wi = tw[2 * j + 1];
      int in = 2 * s * j;
      int out = 4 * s * j;
      for (int q = 0; q < 2 * s; q += 2) {
        int a = in + q;
        int o = out + q;
        float ar = x[a];
        float ai = x[a + 1];
        float br = x[a + d];
        float bi = x[a + d + 1];
        y[o] = ar + br;
        y[o + 1] = ai + bi;
        float tr = ar - br;
        float ti = ai - bi;
        y[o + 2 * s] = tr * wr - ti * wi;
        y[o + 2 * s + 1] = tr * wi + ti * wr;
      }
    }
  }

  static void radix4(float[] x, float[] y, int s, int m, float[] tw) {
    if (m == 1) {
      radix4NoTwiddle(x, y, s);
    } else if (s < m) {
      radix4StrideOuter(x, y, s, m, tw);
    } else {
      radix4StrideInner(x, y, s, m, tw);
    }
  }

  private static void radix4StrideInner(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 6 * j;
      float w1r = tw[t];
      float w1i = tw[t + 1];
      float w2r = tw[t + 2];
      float w2i = tw[t + 3];
      float w3r = tw[t + 4];
      float w3i = tw[t + 5];
      int in = 2 * s * j;
      int out = 8 * s * j;
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
        float t0r = a0r + a2r;
        float t0i = a0i + a2i;
        float t1r = a0r - a2r;
        float t1i = a0i - a2i;
        float t2r = a1r + a3r;
        float t2i = a1i + a3i;
        float t3r = a1i - a3i; // (a1 - a3) * (-i)
        float t3i = a3r - a1r;
        int o = out + q;
        y[o] = t0r + t2r;
        y[o + 1] = t0i + t2i;
        float y1r = t1r + t3r;
        float y1i = t1i + t3i;
        float y2r = t0r - t2r;
        float y2i = t0i - t2i;
        float y3r = t1r - t3r;
        float y3i = t1i - t3i;
        y[o + s2] = y1r * w1r - y1i * w1i;
        y[o + s2 + 1] = y1r * w1i + y1i * w1r;
        y[o + 2 * s2] = y2r * w2r - y2i * w2i;
        y[o + 2 * s2 + 1] = y2r * w2i + y2i * w2r;
        y[o + 3 * s2] = y3r * w3r - y3i * w3i;
        y[o + 3 * s2 + 1] = y3r * w3i + y3i * w3r;
      }
    }
  }

  private static void radix4StrideOuter(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int q = 0; q < s2; q += 2) {
      for (int j = 0; j < m; j++) {
        int t = 6 * j;
        int a = 2 * s * j + q;
        int o = 8 * s * j + q;
        float a0r = x[a];
        float a0i = x[a + 1];
        float a1r = x[a + d];
        float a1i = x[a + d + 1];
        float a2r = x[a + 2 * d];
        float a2i = x[a + 2 * d + 1];
        float a3r = x[a + 3 * d];
        float a3i = x[a + 3 * d + 1];
        float t0r = a0r + a2r;
        float t0i = a0i + a2i;
        float t1r = a0r - a2r;
        float t1i = a0i - a2i;
        float t2r = a1r + a3r;
        float t2i = a1i + a3i;
        float t3r = a1i - a3i;
        float t3i = a3r - a1r;
        y[o] = t0r + t2r;
        y[o + 1] = t0i + t2i;
        float y1r = t1r + t3r;
        float y1i = t1i + t3i;
        float y2r = t0r - t2r;
        float y2i = t0i - t2i;
        float y3r = t1r - t3r;
        float y3i = t1i - t3i;
        y[o + s2] = y1r * tw[t] - y1i * tw[t + 1];
        y[o + s2 + 1] = y1r * tw[t + 1] + y1i * tw[t];
        y[o + 2 * s2] = y2r * tw[t + 2] - y2i * tw[t + 3];
        y[o + 2 * s2 + 1] = y2r * tw[t + 3] + y2i * tw[t + 2];
        y[o + 3 * s2] = y3r * tw[t + 4] - y3i * tw[t + 5];
        y[o + 3 * s2 + 1] = y3r * tw[t + 5] + y3i * tw[t + 4];
      }
    }
  }

  private static void radix4NoTwiddle(float[] x, float[] y, int s) {
    int d = 2 * s;
    for (int a = 0; a < d; a += 2) {
      float a0r = x[a];
      float a0i = x[a + 1];
      float a1r = x[a + d];
      float a1i = x[a + d + 1];
      float a2r = x[a + 2 * d];
      float a2i = x[a + 2 * d + 1];
      float a3r = x[a + 3 * d];
      float a3i = x[a + 3 * d + 1];
      float t0r = a0r + a2r;
      float t0i = a0i + a2i;
      float t1r = a0r - a2r;
      float t1i = a0i - a2i;
      float t2r = a1r + a3r;
      float t2i = a1i + a3i;
      float t3r = a1i - a3i;
      float t3i = a3r - a1r;
      y[a] = t0r + t2r;
      y[a + 1] = t0i + t2i;
      y[a + d] = t1r + t3r;
      y[a + d + 1] = t1i + t3i;
      y[a + 2 * d] = t0r - t2r;
      y[a + 2 * d + 1] = t0i - t2i;
      y[a + 3 * d] = t1r - t3r;
      y[a + 3 * d + 1] = t1i - t3i;
    }
  }

  static void radix3(float[] x, float[] y, int s, int m, float[] tw) {
    int d = 2 * s * m;
    int s2 = 2 * s;
    for (int j = 0; j < m; j++) {
      int t = 4 * j;
      float w1r = tw[t];
      float w1i = tw[t + 1];
      float w2r = tw[t + 2];
      float w2i = tw[t + 3];
      int in = 2 * s * j;
      int out = 6 * s * j;
      for (int q = 0; q < s2; q += 2) {
        int a = in + q;
        float a0r = x[a];
        float a0i = x[a + 1];
        float a1r = x[a + d];
        float a1i = x[a + d + 1];
        float a2r = x[a + 2 * d];
        float a2i = x[a + 2 * d + 1];
        float t1r = a1r + a2r;
        float t1i = a1i + a2i;
        float t2r = a0r - 0.5f * t1r;
        float t2i = a0i - 0.5f * t1i;
        float t3r = SIN_60 * (a1i - a2i); // (a1 - a2) * (-i sin 60°)
        float t3i = SIN_60 * (a2r - a1r);
        int o = out + q;
        y[o] = a0r + t1r;
        y[o + 1] = a0i + t1i;
        float y1r = t2r + t3r;
        float y1i = t2i + t3i;
        float y2r = t2r - t3r;
        float y2i = t2i - t3i;
        y[o + s2] = y1r * w1r - y1i * w1i;
        y[o + s2 + 1] = y1r * w1i + y1i * w1r;
        y[o + 2 * s2] = y2r * w2r - y2i * w2i;
        y[o + 2 * s2 + 1] = y2r * w2i + y2i * w2r;
      }
    }
  }
}
