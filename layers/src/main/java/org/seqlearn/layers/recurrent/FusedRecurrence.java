package org.seqlearn.layers.recurrent;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * The shared skeleton of a fused recurrent layer: one autograd node for a whole sequence, with
 * hand-derived backpropagation through time.
 *
 * <p>Inputs, in order: {@code x [batch, time, input]}, the initial states ({@code h0 [batch,
 * hidden]}, and {@code c0} for an LSTM), {@code weight_ih [gates * hidden, input]}, {@code
 * weight_hh [gates * hidden, hidden]}, {@code bias_ih}, {@code bias_hh} ({@code [gates *
 * hidden]}). Outputs: {@code y [batch, time, hidden]} and the final states {@code [batch,
 * hidden]}.
 *
 * <p>The input projection of all steps is one GEMM ({@code x[B*T, I] · W_ihᵀ}); each step is one
 * {@code h·W_hhᵀ} GEMM and one fused elementwise gate loop, written by the subclass; weight
 * gradients are one GEMM each over all steps ({@code dW_hh = dGatesᵀ · h_prev} as {@code [G*H,
 * B*T] x [B*T, H]}). All workspaces are allocated once per sequence, none per step.
 */
abstract class FusedRecurrence extends Function {

  /** The kernels every product and activation goes through. */
  protected static final Kernels K = KernelProvider.get();

  protected final boolean reverse;
  private final int[] lengths;
  private final int gateCount;
  private final int stateCount;
  private int inputCount;

  protected SequenceShape s;
  protected float[] x;
  protected float[] weightIh;
  protected float[] weightHh;
  /** {@code [H, G*H]}: W_hhᵀ, so the per-step product streams rows (no strided reads). */
  protected float[] weightHhT;
  /** {@code [B, T, G*H]}: pre-activations, turned into gate activations step by step. */
  protected float[] gates;
  /** {@code [B, T, H]}: the hidden state each step starts from, h⟨t−1⟩. */
  protected float[] hPrev;
  /** {@code [B, T, H]}: the outputs, zero at inactive steps. */
  protected float[] y;
  /** {@code [B, H]}: the running hidden state. */
  protected float[] h;
  /** {@code [B, T, G*H]}: gradients of the input-side pre-activations. */
  protected float[] dGatesX;
  /** {@code [B, T, G*H]}: gradients of the hidden-side pre-activations (may equal dGatesX). */
  protected float[] dGatesH;
  /** {@code [B, H]}: the running gradient of the hidden state. */
  protected float[] dh;
  /** {@code [B, H]}: scratch for the per-step backward GEMM. */
  protected float[] scratch;

  FusedRecurrence(int gateCount, int stateCount, boolean reverse, int[] lengths) {
    this.gateCount = gateCount;
    this.stateCount = stateCount;
    this.reverse = reverse;
    this.lengths = lengths == null ? null : lengths.clone();
  }

  /** Writes the bias added to every row of the input projection ({@code [G*H]}). */
  protected abstract void projectionBias(float[] biasIh, float[] biasHh, float[] out);

  /** Takes the extra initial states (after h0) and any extra parameters' data. */
  protected abstract void begin(Tensor[] inputs);

  /** Runs step {@code t}: gates, new state in {@link #h}, output in {@link #y} (active rows). */
  protected abstract void stepForward(int t);

  /** The extra final states (after hN). */
  protected abstract Tensor[] extraOutputs();

  /** Seeds the extra state gradients (after dhN) before the backward loop. */
  protected abstract void beginBackward(Tensor[] outputGrads);

  /**
   * Back-propagates step {@code t}: fills {@link #dGatesX}/{@link #dGatesH} rows of active
   * sequences and replaces {@link #dh} (and extra state gradients) by those of step t−1.
   *
   * @param dy {@code [B, T, H]} gradient of the outputs
   */
  protected abstract void stepBackward(int t, float[] dy);

  /** Gradients of the extra initial states (after dh0). */
  protected abstract Tensor[] extraInputGrads();

  /** How many extra parameters follow {@code bias_hh} (none by default). */
  protected int extraParameterCount() {
    return 0;
  }

  /** Gradients of the extra parameters that follow {@code bias_hh} (none by default). */
  protected Tensor[] extraParameterGrads() {
    return new Tensor[0];
  }

  @Override
  protected final Tensor[] forward(Tensor... in) {
    inputCount = 5 + stateCount + extraParameterCount();
    if (in.length != inputCount) {
      throw new IllegalArgumentException(name() + " takes " + inputCount + " inputs (x, "
          + (stateCount == 2 ? "h0, c0" : "h0") + ", weight_ih, weight_hh, bias_ih, bias_hh"
          + (extraParameterCount() > 0 ? ", peephole weights" : "") + "), got " + in.length);
    }
    int w = 1 + stateCount;
    Tensor[] states = Arrays.copyOfRange(in, 1, w);
    s = SequenceShape.of(name(), gateCount, in[0], states, in[w], in[w + 1], in[w + 2],
        in[w + 3], lengths);
    int b = s.batch;
    int t = s.time;
    int hh = s.hidden;
    int gw = s.gateWidth();
    x = in[0].data();
    weightIh = in[w].data();
    weightHh = in[w + 1].data();
    float[] bias = new float[gw];
    projectionBias(in[w + 2].data(), in[w + 3].data(), bias);
    gates = new float[b * t * gw];
    for (int r = 0; r < b * t; r++) {
      System.arraycopy(bias, 0, gates, r * gw, gw);
    }
    if (b * t > 0 && s.input > 0) {
      float[] weightIhT = transpose(weightIh, gw, s.input);
      K.gemm(false, false, b * t, gw, s.input, 1f, x, 0, s.input, weightIhT, 0, gw, 1f, gates,
          0, gw);
    }
    weightHhT = transpose(weightHh, gw, hh);
    hPrev = new float[b * t * hh];
    y = new float[b * t * hh];
    h = in[1].toArray();
    begin(in);
    for (int step = 0; step < t; step++) {
      int tt = s.timeAt(step, reverse);
      for (int r = 0; r < b; r++) {
        System.arraycopy(h, r * hh, hPrev, (r * t + tt) * hh, hh);
      }
      stepForward(tt);
    }
    Tensor[] extra = extraOutputs();
    Tensor[] out = new Tensor[2 + extra.length];
    out[0] = Tensor.wrap(y, b, t, hh);
    out[1] = Tensor.wrap(h.clone(), b, hh);
    System.arraycopy(extra, 0, out, 2, extra.length);
    return out;
  }

  /** {@code c[B, G*H] (row stride ldc) = beta * c + h⟨t−1⟩ · W_hhᵀ} for all sequences. */
  protected final void hiddenProduct(int t, float[] c, int cOffset, int ldc, float beta) {
    K.gemm(false, false, s.batch, s.gateWidth(), s.hidden, 1f, hPrev, t * s.hidden,
        s.time * s.hidden, weightHhT, 0, s.gateWidth(), beta, c, cOffset, ldc);
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] out = new float[m.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = m[r * cols + c];
      }
    }
    return out;
  }

  /** {@code scratch[B, H] = dGatesH⟨t⟩ · W_hh}: the state gradient through the hidden product. */
  protected final void hiddenBackProduct(int t) {
    K.gemm(false, false, s.batch, s.hidden, s.gateWidth(), 1f, dGatesH, t * s.gateWidth(),
        s.time * s.gateWidth(), weightHh, 0, s.hidden, 0f, scratch, 0, s.hidden);
  }

  @Override
  protected final Tensor[] backward(Tensor... g) {
    int b = s.batch;
    int t = s.time;
    int hh = s.hidden;
    int gw = s.gateWidth();
    int in = s.input;
    int w = 1 + stateCount;
    float[] dy = g[0].data();
    dh = g[1].toArray();
    scratch = new float[b * hh];
    dGatesX = new float[b * t * gw];
    dGatesH = separateHiddenGradients() ? new float[b * t * gw] : dGatesX;
    beginBackward(g);
    for (int step = t - 1; step >= 0; step--) {
      stepBackward(s.timeAt(step, reverse), dy);
    }
    Tensor[] grads = new Tensor[inputCount];
    int bt = b * t;
    if (needsInputGrad(0)) {
      float[] dx = new float[bt * in];
      if (bt > 0 && in > 0) {
        K.gemm(false, false, bt, in, gw, 1f, dGatesX, 0, gw, weightIh, 0, in, 0f, dx, 0, in);
      }
      grads[0] = Tensor.wrap(dx, b, t, in);
    }
    grads[1] = Tensor.wrap(dh, b, hh);
    Tensor[] extra = extraInputGrads();
    System.arraycopy(extra, 0, grads, 2, extra.length);
    if (needsInputGrad(w)) {
      float[] dw = new float[gw * in];
      if (bt > 0 && in > 0) {
        K.gemm(true, false, gw, in, bt, 1f, dGatesX, 0, gw, x, 0, in, 0f, dw, 0, in);
      }
      grads[w] = Tensor.wrap(dw, gw, in);
    }
    if (needsInputGrad(w + 1)) {
      float[] dw = new float[gw * hh];
      if (bt > 0) {
        hiddenWeightGradient(dw);
      }
      grads[w + 1] = Tensor.wrap(dw, gw, hh);
    }
    if (needsInputGrad(w + 2)) {
      grads[w + 2] = Tensor.wrap(columnSums(dGatesX, bt, gw), gw);
    }
    if (needsInputGrad(w + 3)) {
      grads[w + 3] = Tensor.wrap(columnSums(dGatesH, bt, gw), gw);
    }
    Tensor[] extraParams = extraParameterGrads();
    System.arraycopy(extraParams, 0, grads, w + 4, extraParams.length);
    return grads;
  }

  /**
   * Writes {@code dW_hh [G*H, H]}; by default one GEMM over all steps, {@code dGatesHᵀ · h_prev}
   * ({@code [G*H, B*T] x [B*T, H]}).
   */
  protected void hiddenWeightGradient(float[] dw) {
    int gw = s.gateWidth();
    K.gemm(true, false, gw, s.hidden, s.batch * s.time, 1f, dGatesH, 0, gw, hPrev, 0, s.hidden,
        0f, dw, 0, s.hidden);
  }

  /** Whether the hidden-side gate gradients differ from the input-side ones (GRU). */
  protected boolean separateHiddenGradients() {
    return false;
  }

  private static float[] columnSums(float[] m, int rows, int cols) {
    float[] out = new float[cols];
    for (int r = 0; r < rows; r++) {
      K.axpy(1f, m, r * cols, out, 0, cols);
    }
    return out;
  }
}
