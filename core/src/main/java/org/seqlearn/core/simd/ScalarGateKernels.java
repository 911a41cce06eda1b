package org.seqlearn.core.simd;

import static org.seqlearn.core.simd.ScalarKernels.sigmoid;
import static org.seqlearn.core.simd.ScalarKernels.tanh;

/**
 * Plain-Java {@link GateKernels}: the reference the Panama ones are tested against. Sigmoid and
 * tanh are computed exactly as in {@link ScalarKernels} (in double, rounded to float).
 */
final class ScalarGateKernels implements GateKernels {

  static final ScalarGateKernels INSTANCE = new ScalarGateKernels();

  private ScalarGateKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void lstmForward(int w, float[] pre, int preOff, float[] act, int actOff, float[] c,
      int cOff, float[] cPrev, int cPrevOff, float[] tanhC, int tcOff, float[] h, int hOff) {
    for (int j = 0; j < w; j++) {
      float i = sigmoid(pre[preOff + j]);
      float f = sigmoid(pre[preOff + w + j]);
      float g = tanh(pre[preOff + 2 * w + j]);
      float o = sigmoid(pre[preOff + 3 * w + j]);
      act[actOff + j] = i;
      act[actOff + w + j] = f;
      act[actOff + 2 * w + j] = g;
      act[actOff + 3 * w + j] = o;
      float cOld = c[cOff + j];
      if (cPrev != null) {
        cPrev[cPrevOff + j] = cOld;
      }
      float cNew = f * cOld + i * g;
      c[cOff + j] = cNew;
      float t = tanh(cNew);
      if (tanhC != null) {
        tanhC[tcOff + j] = t;
      }
      h[hOff + j] = o * t;
    }
  }

  @Override
  public void lstmBackward(int w, float[] gates, int gOff, float[] tanhC, int tcOff,
      float[] cPrev, int cPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dc,
      int dcOff, float[] dGates, int dgOff) {
    lstmBackward(w, 0, gates, gOff, tanhC, tcOff, cPrev, cPrevOff, dh, dhOff, dy, dyOff, dc,
        dcOff, dGates, dgOff);
  }

  /** {@link #lstmBackward} for units {@code [from, w)} only (the Panama kernels' tail). */
  static void lstmBackward(int w, int from, float[] gates, int gOff, float[] tanhC, int tcOff,
      float[] cPrev, int cPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dc,
      int dcOff, float[] dGates, int dgOff) {
    for (int j = from; j < w; j++) {
      float i = gates[gOff + j];
      float f = gates[gOff + w + j];
      float g = gates[gOff + 2 * w + j];
      float o = gates[gOff + 3 * w + j];
      float tc = tanhC[tcOff + j];
      float dhj = dh[dhOff + j] + dy[dyOff + j];
      float dcj = dc[dcOff + j] + dhj * o * (1f - tc * tc);
      float cOld = cPrev[cPrevOff + j];
      dGates[dgOff + j] = dcj * g * i * (1f - i);
      dGates[dgOff + w + j] = dcj * cOld * f * (1f - f);
      dGates[dgOff + 2 * w + j] = dcj * i * (1f - g * g);
      dGates[dgOff + 3 * w + j] = dhj * tc * o * (1f - o);
      dc[dcOff + j] = dcj * f;
    }
  }

  @Override
  public void gruForward(int w, float[] pre, int preOff, float[] hn, int hnOff, float[] xn,
      int xnOff, float[] h, int hOff, float[] act, int actOff, float[] hnSave, int hnSaveOff) {
    for (int j = 0; j < w; j++) {
      float r = sigmoid(pre[preOff + j]);
      float z = sigmoid(pre[preOff + w + j]);
      float hnj = hn[hnOff + j];
      if (hnSave != null) {
        hnSave[hnSaveOff + j] = hnj;
      }
      float n = tanh(xn[xnOff + j] + r * hnj);
      if (act != null) {
        act[actOff + j] = r;
        act[actOff + w + j] = z;
        act[actOff + 2 * w + j] = n;
      }
      h[hOff + j] = n + z * (h[hOff + j] - n);
    }
  }

  @Override
  public void gruBackward(int w, float[] gates, int gOff, float[] hn, int hnOff, float[] hPrev,
      int hPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dGatesX, int dxOff,
      float[] dGatesH, int dhgOff) {
    gruBackward(w, 0, gates, gOff, hn, hnOff, hPrev, hPrevOff, dh, dhOff, dy, dyOff, dGatesX,
        dxOff, dGatesH, dhgOff);
  }

  /** {@link #gruBackward} for units {@code [from, w)} only (the Panama kernels' tail). */
  static void gruBackward(int w, int from, float[] gates, int gOff, float[] hn, int hnOff,
      float[] hPrev, int hPrevOff, float[] dh, int dhOff, float[] dy, int dyOff,
      float[] dGatesX, int dxOff, float[] dGatesH, int dhgOff) {
    for (int j = from; j < w; j++) {
      float r = gates[gOff + j];
      float z = gates[gOff + w + j];
      float n = gates[gOff + 2 * w + j];
      float dhj = dh[dhOff + j] + dy[dyOff + j];
      float dnPre = dhj * (1f - z) * (1f - n * n);
      float drPre = dnPre * hn[hnOff + j] * r * (1f - r);
      float dzPre = dhj * (hPrev[hPrevOff + j] - n) * z * (1f - z);
      dGatesX[dxOff + j] = drPre;
      dGatesX[dxOff + w + j] = dzPre;
      dGatesX[dxOff + 2 * w + j] = dnPre;
      dGatesH[dhgOff + j] = drPre;
      dGatesH[dhgOff + w + j] = dzPre;
      dGatesH[dhgOff + 2 * w + j] = dnPre * r;
      dh[dhOff + j] = dhj * z;
    }
  }
}
