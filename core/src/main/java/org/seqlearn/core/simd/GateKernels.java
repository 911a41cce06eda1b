package org.seqlearn.core.simd;

/**
 * Fused gate arithmetic of the recurrent cells: one call does everything a row of one block of
 * {@code w} hidden units needs after its gate pre-activations are known (forward), or before its
 * gate gradients go into the weight products (backward).
 *
 * <p>Every array argument is a {@code float[]} with an offset; a range of {@code w} floats
 * ("{@code [w]}") or of several gates' {@code w} floats each, back to back ("{@code [i | f | g |
 * o]}": gate {@code k} of unit {@code j} at {@code offset + k * w + j}), starts there. Ranges
 * that a method writes must not overlap any other range it reads or writes, except where stated.
 * NaN propagates (no clamping hides it). No call allocates (the Panama activations allocate one
 * vector-sized pad only when {@code w} is not a multiple of the vector length, as {@link
 * Kernels#tanh} does for such lengths).
 *
 * <p>Two implementations exist, like {@link Kernels}: a scalar one (plain Java, the reference)
 * and a Panama one on {@code jdk.incubator.vector}. Sigmoid is {@code 1 / (1 + e^-x)} and tanh
 * as in {@link Kernels#sigmoid} and {@link Kernels#tanh} of the same family.
 */
public interface GateKernels {

  /** The gate kernels of the {@link Kernels} chosen for this JVM ({@link KernelProvider#get()}). */
  static GateKernels get() {
    return GateKernelsHolder.ACTIVE;
  }

  /** The gate kernels of the same family as {@code kernels} (Panama or scalar). */
  static GateKernels of(Kernels kernels) {
    return GateKernelsHolder.of(kernels);
  }

  /** A short name for logs and benchmarks: {@code "panama"} or {@code "scalar"}. */
  String name();

  /**
   * LSTM forward for one row of a block of {@code w} units: activations {@code i = σ, f = σ, g
   * = tanh, o = σ} of the pre-activations, then for each unit {@code j}: {@code c' = f * c[j] +
   * i * g}, {@code h[j] = o * tanh(c')}, {@code c[j] = c'}.
   *
   * @param pre {@code [i | f | g | o]} pre-activations at {@code preOff}
   * @param act receives the activations {@code [i | f | g | o]} at {@code actOff}; may be the
   *     same array and offset as {@code pre} (in place)
   * @param c {@code [w]} at {@code cOff}: the cell state c⟨t−1⟩, replaced by c⟨t⟩
   * @param cPrev receives c⟨t−1⟩ ({@code [w]} at {@code cPrevOff}), or null
   * @param tanhC receives tanh(c⟨t⟩) ({@code [w]} at {@code tcOff}), or null
   * @param h receives h⟨t⟩ ({@code [w]} at {@code hOff})
   */
  void lstmForward(int w, float[] pre, int preOff, float[] act, int actOff, float[] c, int cOff,
      float[] cPrev, int cPrevOff, float[] tanhC, int tcOff, float[] h, int hOff);

  /**
   * LSTM backward for one row of a block of {@code w} units (no peepholes). For each unit:
   * {@code dh' = dh + dy}, {@code dc' = dc + dh' o (1 − tc²)}, then the pre-activation gradients
   * {@code di = dc' g i (1 − i)}, {@code df = dc' c⟨t−1⟩ f (1 − f)}, {@code dg = dc' i (1 −
   * g²)}, {@code do = dh' tc o (1 − o)}, and the cell gradient one step back, {@code dc = dc'
   * f}.
   *
   * @param gates the forward's activations {@code [i | f | g | o]} at {@code gOff}
   * @param tanhC tanh(c⟨t⟩), {@code [w]} at {@code tcOff}
   * @param cPrev c⟨t−1⟩, {@code [w]} at {@code cPrevOff}
   * @param dh gradient of h⟨t⟩ through the recurrence, {@code [w]} at {@code dhOff} (read only)
   * @param dy gradient of the output h⟨t⟩, {@code [w]} at {@code dyOff}
   * @param dc {@code [w]} at {@code dcOff}: the gradient of c⟨t⟩, replaced by that of c⟨t−1⟩
   * @param dGates receives {@code [di | df | dg | do]} at {@code dgOff}
   */
  void lstmBackward(int w, float[] gates, int gOff, float[] tanhC, int tcOff, float[] cPrev,
      int cPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dc, int dcOff,
      float[] dGates, int dgOff);

  /**
   * GRU forward (PyTorch form) for one row of a block of {@code w} units: {@code r = σ, z = σ}
   * of the pre-activations, {@code n = tanh(xn + r * hn)}, {@code h[j] = n + z * (h[j] − n)}.
   *
   * @param pre {@code [r | z]} pre-activations at {@code preOff}
   * @param hn the candidate's hidden part {@code W_hn h + b_hn}, {@code [w]} at {@code hnOff}
   * @param xn the candidate's input part {@code W_in x + b_in}, {@code [w]} at {@code xnOff}
   * @param h {@code [w]} at {@code hOff}: h⟨t−1⟩, replaced by h⟨t⟩
   * @param act receives the activations {@code [r | z | n]} at {@code actOff}, or null: then
   *     {@code pre} and {@code xn} are scratch (an implementation may leave r and z over the
   *     former, n over the latter); its {@code [r | z]} may be the same range as {@code pre}
   * @param hnSave receives a copy of {@code hn} ({@code [w]} at {@code hnSaveOff}), or null
   */
  void gruForward(int w, float[] pre, int preOff, float[] hn, int hnOff, float[] xn, int xnOff,
      float[] h, int hOff, float[] act, int actOff, float[] hnSave, int hnSaveOff);

  /**
   * GRU backward for one row of a block of {@code w} units. For each unit: {@code dh' = dh +
   * dy}, {@code dn = dh' (1 − z)(1 − n²)}, {@code dr = dn hn r (1 − r)}, {@code dz = dh' (h⟨t−1⟩
   * − n) z (1 − z)}; the input-side gradients are {@code [dr | dz | dn]}, the hidden-side ones
   * {@code [dr | dz | dn r]}, and {@code dh = dh' z}.
   *
   * @param gates the forward's activations {@code [r | z | n]} at {@code gOff}
   * @param hn the saved {@code W_hn h⟨t−1⟩ + b_hn}, {@code [w]} at {@code hnOff}
   * @param hPrev h⟨t−1⟩, {@code [w]} at {@code hPrevOff}
   * @param dh {@code [w]} at {@code dhOff}: the gradient of h⟨t⟩ through the recurrence,
   *     replaced by the part of h⟨t−1⟩'s gradient that bypasses the hidden product
   * @param dy gradient of the output h⟨t⟩, {@code [w]} at {@code dyOff}
   * @param dGatesX receives {@code [dr | dz | dn]} at {@code dxOff}
   * @param dGatesH receives {@code [dr | dz | dn * r]} at {@code dhgOff}
   */
  void gruBackward(int w, float[] gates, int gOff, float[] hn, int hnOff, float[] hPrev,
      int hPrevOff, float[] dh, int dhOff, float[] dy, int dyOff, float[] dGatesX, int dxOff,
      float[] dGatesH, int dhgOff);
}
