package org.seqlearn.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GateKernels} on {@code jdk.incubator.vector}, a vector of units at a time.
 *
 * <p>Forward takes the activations from the array loops of {@link PanamaMath} (so they are the
 * same bits as {@link PanamaKernels#sigmoid} and {@link PanamaKernels#tanh}, wherever a unit
 * sits in its block), then does the state update in vector loops. The lane functions are not
 * called from here: they are too big for C2 to inline once compiled on their own, and a vector
 * crossing a call that is not inlined is boxed. The elementwise parts have no transcendental
 * function, and there the vector lanes and the scalar tails do the same float operations in the
 * same order (no fused multiply-add), so they give the same bits; backward likewise, which makes
 * it bit-identical to {@link ScalarGateKernels}.
 */
final class PanamaGateKernels implements GateKernels {

  private static final VectorSpecies<Float> S = PanamaMath.S;
  private static final int L = S.length();

  PanamaGateKernels() {}

  @Override
  public String name() {
    return "panama";
  }

  @Override
  public void lstmForward(int w, float[] pre, int preOff, float[] act, int actOff, float[] c,
      int cOff, float[] cPrev, int cPrevOff, float[] tanhC, int tcOff, float[] h, int hOff) {
    PanamaMath.sigmoid(pre, preOff, act, actOff, 2 * w);
    PanamaMath.tanh(pre, preOff + 2 * w, act, actOff + 2 * w, w);
    PanamaMath.sigmoid(pre, preOff + 3 * w, act, actOff + 3 * w, w);
    int f0 = actOff + w;
    int g0 = actOff + 2 * w;
    int bound = S.loopBound(w);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector cOld = FloatVector.fromArray(S, c, cOff + j);
      if (cPrev != null) {
        cOld.intoArray(cPrev, cPrevOff + j);
      }
      FloatVector.fromArray(S, act, f0 + j).mul(cOld)
          .add(FloatVector.fromArray(S, act, actOff + j)
              .mul(FloatVector.fromArray(S, act, g0 + j)))
          .intoArray(c, cOff + j);
    }
    for (; j < w; j++) {
      float cOld = c[cOff + j];
      if (cPrev != null) {
        cPrev[cPrevOff + j] = cOld;
      }
      c[cOff + j] = act[f0 + j] * cOld + act[actOff + j] * act[g0 + j];
    }
    // tanh(c⟨t⟩) where it is saved, else straight into h, which is then scaled by o.
    float[] t = tanhC != null ? tanhC : h;
    int tOff = tanhC != null ? tcOff : hOff;
    PanamaMath.tanh(c, cOff, t, tOff, w);
    PanamaElementwise.mul(act, actOff + 3 * w, t, tOff, h, hOff, w);
  }

  @Override
  public void lstmBackward(int w, float[] gates, int gOff, float[] tanhC, int tcOff,
      float[] cPrev, int cPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dc,
      int dcOff, float[] dGates, int dgOff) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    int bound = S.loopBound(w);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector i = FloatVector.fromArray(S, gates, gOff + j);
      FloatVector f = FloatVector.fromArray(S, gates, gOff + w + j);
      FloatVector g = FloatVector.fromArray(S, gates, gOff + 2 * w + j);
      FloatVector o = FloatVector.fromArray(S, gates, gOff + 3 * w + j);
      FloatVector tc = FloatVector.fromArray(S, tanhC, tcOff + j);
      FloatVector dhj = FloatVector.fromArray(S, dh, dhOff + j)
          .add(FloatVector.fromArray(S, dy, dyOff + j));
      FloatVector dcj = FloatVector.fromArray(S, dc, dcOff + j)
          .add(dhj.mul(o).mul(one.sub(tc.mul(tc))));
      FloatVector cOld = FloatVector.fromArray(S, cPrev, cPrevOff + j);
      dcj.mul(g).mul(i).mul(one.sub(i)).intoArray(dGates, dgOff + j);
      dcj.mul(cOld).mul(f).mul(one.sub(f)).intoArray(dGates, dgOff + w + j);
      dcj.mul(i).mul(one.sub(g.mul(g))).intoArray(dGates, dgOff + 2 * w + j);
      dhj.mul(tc).mul(o).mul(one.sub(o)).intoArray(dGates, dgOff + 3 * w + j);
      dcj.mul(f).intoArray(dc, dcOff + j);
    }
    if (j < w) {
      ScalarGateKernels.lstmBackward(w, j, gates, gOff, tanhC, tcOff, cPrev, cPrevOff, dh, dhOff,
          dy, dyOff, dc, dcOff, dGates, dgOff);
    }
  }

  @Override
  public void gruForward(int w, float[] pre, int preOff, float[] hn, int hnOff, float[] xn,
      int xnOff, float[] h, int hOff, float[] act, int actOff, float[] hnSave, int hnSaveOff) {
    // Without act, r and z go over their pre-activations and n over xn.
    float[] rz = act != null ? act : pre;
    int rzOff = act != null ? actOff : preOff;
    float[] n = act != null ? act : xn;
    int nOff = act != null ? actOff + 2 * w : xnOff;
    PanamaMath.sigmoid(pre, preOff, rz, rzOff, 2 * w);
    int bound = S.loopBound(w);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector hnj = FloatVector.fromArray(S, hn, hnOff + j);
      if (hnSave != null) {
        hnj.intoArray(hnSave, hnSaveOff + j);
      }
      FloatVector.fromArray(S, xn, xnOff + j)
          .add(FloatVector.fromArray(S, rz, rzOff + j).mul(hnj))
          .intoArray(n, nOff + j);
    }
    for (; j < w; j++) {
      float hnj = hn[hnOff + j];
      if (hnSave != null) {
        hnSave[hnSaveOff + j] = hnj;
      }
      n[nOff + j] = xn[xnOff + j] + rz[rzOff + j] * hnj;
    }
    PanamaMath.tanh(n, nOff, n, nOff, w);
    int z0 = rzOff + w;
    for (j = 0; j < bound; j += L) {
      FloatVector nj = FloatVector.fromArray(S, n, nOff + j);
      FloatVector hOld = FloatVector.fromArray(S, h, hOff + j);
      nj.add(FloatVector.fromArray(S, rz, z0 + j).mul(hOld.sub(nj))).intoArray(h, hOff + j);
    }
    for (; j < w; j++) {
      float nj = n[nOff + j];
      h[hOff + j] = nj + rz[z0 + j] * (h[hOff + j] - nj);
    }
  }

  @Override
  public void gruBackward(int w, float[] gates, int gOff, float[] hn, int hnOff, float[] hPrev,
      int hPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dGatesX, int dxOff,
      float[] dGatesH, int dhgOff) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    int bound = S.loopBound(w);
    int j = 0;
    for (; j < bound; j += L) {
      FloatVector r = FloatVector.fromArray(S, gates, gOff + j);
      FloatVector z = FloatVector.fromArray(S, gates, gOff + w + j);
      FloatVector n = FloatVector.fromArray(S, gates, gOff + 2 * w + j);
      FloatVector dhj = FloatVector.fromArray(S, dh, dhOff + j)
          .add(FloatVector.fromArray(S, dy, dyOff + j));
      FloatVector dn = dhj.mul(one.sub(z)).mul(one.sub(n.mul(n)));
      FloatVector dr = dn.mul(FloatVector.fromArray(S, hn, hnOff + j)).mul(r).mul(one.sub(r));
      FloatVector dz = dhj.mul(FloatVector.fromArray(S, hPrev, hPrevOff + j).sub(n)).mul(z)
          .mul(one.sub(z));
      dr.intoArray(dGatesX, dxOff + j);
      dz.intoArray(dGatesX, dxOff + w + j);
      dn.intoArray(dGatesX, dxOff + 2 * w + j);
      dr.intoArray(dGatesH, dhgOff + j);
      dz.intoArray(dGatesH, dhgOff + w + j);
      dn.mul(r).intoArray(dGatesH, dhgOff + 2 * w + j);
      dhj.mul(z).intoArray(dh, dhOff + j);
    }
    if (j < w) {
      ScalarGateKernels.gruBackward(w, j, gates, gOff, hn, hnOff, hPrev, hPrevOff, dh, dhOff, dy,
          dyOff, dGatesX, dxOff, dGatesH, dhgOff);
    }
  }
}
