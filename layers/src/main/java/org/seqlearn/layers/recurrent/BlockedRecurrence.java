package org.seqlearn.layers.recurrent;

import java.util.Arrays;
import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.parallel.ComputePool;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;
import org.seqlearn.core.simd.PackedGemm;

/**
 * The skeleton of a fused recurrent layer: one autograd node for a whole sequence, with
 * hand-derived backpropagation through time, each step parallel across the compute pool.
 *
 * <p>Inputs, in order: {@code x [batch, time, input]}, the initial states ({@code h0 [batch,
 * hidden]}, and {@code c0} for an LSTM), {@code weight_ih [gates * hidden, input]}, {@code
 * weight_hh [gates * hidden, hidden]}, {@code bias_ih}, {@code bias_hh} ({@code [gates *
 * hidden]}), then any extra parameters. Outputs: {@code y [batch, time, hidden]} and the final
 * states {@code [batch, hidden]}.
 *
 * <p><b>Blocks.</b> The hidden units are cut into blocks of {@link #blockWidth} units. Internally
 * the gate columns are <em>interleaved per block</em>: block {@code jb} (units {@code [j0, j0 +
 * w)}) owns the {@code gates * w} consecutive columns {@code [i_j0..i_j0+w | f_j0.. | ...]}, so
 * everything a step needs to update those units (their gate pre-activations, their states) is
 * one contiguous range, and a step splits into independent units of work, one per block.
 *
 * <p><b>Forward.</b> The weights and biases are packed once per call ({@link PackedGemm}), block
 * by block, as one right operand {@code [W_hhᵀ; b_hh; W_ihᵀ; b_ih]} of depth {@code H + 1 + I +
 * 1}. The left operand of a step is {@code [h⟨t−1⟩ | 1 | x⟨t⟩ | 1]}, so step {@code t} of block
 * {@code jb} is one product giving the block's complete gate pre-activations (the input
 * projection and the biases are folded into the step: no {@code [batch, time, gates * hidden]}
 * buffer is written and read back), followed by the subclass's gate arithmetic on those columns,
 * which writes the block's new state straight into the packed left operand of the next step,
 * while the unit also copies its share of {@code x⟨t+1⟩} there. A cell whose last gates need the
 * hidden and input parts apart (the GRU's candidate) gets them as two products over the two
 * halves of the depth.
 *
 * <p><b>Parallel forward.</b> When the batch has at least {@link #MIN_GROUP_ROWS} rows per
 * thread, it is cut into one group of rows per thread, each with its own packed step operands:
 * a row's next state needs only its own previous state, so each thread runs every step of its
 * rows with no barrier at all (a late thread delays only the end of the call, not every step).
 * Smaller batches instead share out the blocks of each step ({@link StepTeam}), with one barrier
 * per step. A row's arithmetic is the same in both, so the result does not depend on the choice.
 *
 * <p><b>Backward.</b> In reverse order, one unit per block and step: the block's columns of the
 * state gradient through the hidden product of the step after ({@code dGates⟨t+1⟩ · W_hh[:,
 * jb]}), then the block's gate gradients at step t, written straight into the packed left
 * operand of the next product. Weight gradients are one GEMM each over all steps ({@code dW_hh
 * = dGatesHᵀ · h_prev}), the input gradient one more, only when needed.
 *
 * <p>Each unit's result depends only on its inputs, never on which thread ran it, so results are
 * the same for every thread count.
 */
abstract class BlockedRecurrence extends Function {

  /** The kernels every elementwise step goes through. */
  protected static final Kernels K = KernelProvider.get();
  private static final PackedGemm P = PackedGemm.get();

  /** Below this many multiply-adds per step, a step runs on one thread. */
  static final long PARALLEL_MIN_STEP_WORK = 1L << 16;
  /** Test hook: a positive value overrides the thread count. */
  static volatile int threadsOverride;
  /**
   * Test and benchmark hook: a positive value overrides the number of forward row groups
   * (system property {@code seqlearn.rowGroups}, e.g. 1 for the block-shared steps).
   */
  static volatile int rowGroupsOverride = Integer.getInteger("seqlearn.rowGroups", 0);
  /** Fewest batch rows per forward row group. */
  static final int MIN_GROUP_ROWS = 8;
  /** Test hook: a positive value overrides the block width. */
  static volatile int blockOverride;

  protected final boolean reverse;
  private final int[] lengths;
  protected final int gateCount;
  private final int stateCount;
  private int inputCount;

  protected SequenceShape s;
  /** Whether this application records the graph (saves what backward needs). */
  protected boolean training;
  /** Units per block (the last block may be narrower). */
  protected int blockWidth;
  protected int blocks;
  /** {@code [B, H]}: the running hidden state. */
  protected float[] h;
  /** {@code [B, T, H]}: the outputs, zero at inactive steps. */
  protected float[] y;
  /** {@code [T, B, G*H]} (training, time-major): gate activations, interleaved per block. */
  protected float[] gates;
  /**
   * Step products {@code [paddedRows(B), ldc]}: block {@code jb}'s gate pre-activations start
   * at column {@link #cCol}; those of the gates from {@link #jointGates} on (hidden part only)
   * at {@code cCol(jb) + }{@link #splitShift}.
   */
  protected float[] cH;
  /** The input part of the gates from {@link #jointGates} on, same layout as {@link #cH}. */
  protected float[] cX;
  protected int ldc;
  /** {@code [T, B, G*H]} (backward, time-major): gradients of the input-side pre-activations. */
  protected float[] dGatesX;
  /** {@code [T, B, G*H]} (backward): hidden-side ones (the same array unless separate). */
  protected float[] dGatesH;
  /** {@code [B, H]} (backward): the running gradient of the hidden state. */
  protected float[] dh;

  private float[] x;
  /** {@code weight_ih} and {@code weight_hh} as given (backward reads them). */
  private float[] weightIh;
  private float[] weightHh;
  /**
   * {@code [T, B, depth]} (training, time-major): the step operands {@code [h⟨t−1⟩ | 1 | x⟨t⟩ |
   * 1]}, row {@code (t * B + b) * depth}: h⟨t−1⟩ is written by the forward steps, the rest by
   * backward.
   * Its transpose times the gate gradients gives every weight and bias gradient.
   */
  protected float[] hx;
  private int[] panelStart;
  private int[] jointPanels;
  private int[] cColumn;
  /** Depth of the step operands: {@code H + 1 + I + 1}. */
  private int depth;
  /** {@code [W_hhᵀ; b_hh; W_ihᵀ; b_ih]}, packed block by block. */
  private float[] packedW;
  /**
   * {@code [h⟨t−1⟩ | 1 | x⟨t⟩ | 1]} packed, double-buffered, one pair per row group: group
   * {@code g} holds batch rows {@code [rowStart[g], rowStart[g + 1])}, packed from its own first
   * row.
   */
  private float[][][] packedA;
  /** Batch rows of each forward row group ({@code groups + 1} boundaries). */
  private int[] rowStart;
  private int paddedBatch;
  /** The arrays from {@link #saved}, handed back at the end of backward. */
  private final java.util.List<float[]> savedArrays = new java.util.ArrayList<>();
  private boolean backwardDone;

  BlockedRecurrence(int gateCount, int stateCount, boolean reverse, int[] lengths) {
    this.gateCount = gateCount;
    this.stateCount = stateCount;
    this.reverse = reverse;
    this.lengths = lengths == null ? null : lengths.clone();
  }

  /** Takes the extra initial states (after h0) and extra parameters, sets up the cell. */
  protected abstract void begin(Tensor[] inputs);

  /**
   * The gate arithmetic of one active row: reads the complete pre-activations of block {@code
   * jb} at {@code cH[cRow ...]} (biases included; for the gates past {@link #jointGates}, the
   * hidden and input parts at {@code cH} and {@code cX[cRow + splitShift(jb) ...]}), which stand
   * for its {@code gates * w} interleaved columns starting at {@code col}, and writes the new
   * state {@code h[sb ... sb + w)}; when {@link #training}, saves what backward needs
   * (activations to {@link #gates}{@code [gRow + col ...]}).
   *
   * @param row {@code (b * T + t) * H + j0}: the row of this block in {@code [B, T, H]} arrays
   * @param sb {@code b * H + j0}: the block in {@code [B, H]} state arrays
   * @param gRow {@code (t * B + b) * G * H}: the row in the time-major {@code [T, B, G*H]} arrays
   */
  protected abstract void forwardRow(int jb, int j0, int w, int col, int cRow, int row, int sb,
      int gRow);

  /** The extra final states (after hN). */
  protected abstract Tensor[] extraOutputs();

  /** Seeds the extra state gradients (after dhN) before the backward loop. */
  protected abstract void beginBackward(Tensor[] outputGrads);

  /**
   * Gate gradients of one active row of block {@code jb} at one step: fills its columns of
   * {@link #dGatesX} and {@link #dGatesH} (row {@code gRow}, columns from {@code col}), updates
   * the block's extra state gradients, and leaves in {@code dh[sb ...]} the part of the previous
   * state's gradient that does not go through the hidden product (nothing for an LSTM).
   *
   * @param hRow {@code (t * B + b) * depth + j0}: the block's h⟨t−1⟩ in {@link #hx}
   * @param dy {@code [B, T, H]}: gradient of the outputs
   */
  protected abstract void backwardRow(int j0, int w, int col, int row, int sb, int gRow,
      int hRow, float[] dy);

  /** Whether {@code dh} keeps what {@link #backwardRow} left there and adds the product (GRU). */
  protected boolean accumulatesHiddenGrad() {
    return false;
  }

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

  /**
   * How many leading gates take the whole product {@code W_h h + b_h + W_i x + b_i} (all by
   * default); the others get its hidden part in {@link #cH} and its input part in {@link #cX}.
   */
  protected int jointGates() {
    return gateCount;
  }

  /** Whether the hidden-side gate gradients differ from the input-side ones (GRU). */
  protected boolean separateHiddenGradients() {
    return false;
  }

  /** Units of block {@code jb}. */
  protected final int width(int jb) {
    return Math.min(blockWidth, s.hidden - jb * blockWidth);
  }

  /** First interleaved gate column of block {@code jb}. */
  protected final int columnOf(int jb) {
    return jb * gateCount * blockWidth;
  }

  /** Interleaved column of gate {@code g} of unit {@code j}. */
  protected final int interleaved(int g, int j) {
    int jb = j / blockWidth;
    return columnOf(jb) + g * width(jb) + j - jb * blockWidth;
  }

  /** Where block {@code jb}'s columns start in a row of {@link #cH} / {@link #cX}. */
  protected final int cCol(int jb) {
    return cColumn[jb];
  }

  /** Offset of the gates after {@link #jointGates} from {@link #cCol}. */
  protected final int splitShift(int jb) {
    return jointPanels[jb] * P.nr();
  }

  private static int chooseBlockWidth(int hidden, int threads) {
    int forced = blockOverride;
    if (forced > 0) {
      return forced;
    }
    // About four blocks per thread, each a multiple of 16 units (whole vectors and panels).
    int target = Math.max(1, 4 * threads);
    int w = (hidden + target - 1) / target;
    return Math.max(16, (w + 15) / 16 * 16);
  }

  private int threadsFor(long stepWork) {
    int forced = threadsOverride;
    if (forced > 0) {
      return forced;
    }
    return stepWork < PARALLEL_MIN_STEP_WORK ? 1 : ComputePool.threads();
  }

  @Override
  protected final Tensor[] forward(Tensor... in) {
    inputCount = 5 + stateCount + extraParameterCount();
    if (in.length != inputCount) {
      throw new IllegalArgumentException(name() + " takes " + inputCount + " inputs (x, "
          + (stateCount == 2 ? "h0, c0" : "h0") + ", weight_ih, weight_hh, bias_ih, bias_hh"
          + (extraParameterCount() > 0 ? ", peephole weights" : "") + "), got " + in.length);
    }
    for (int i = 0; i < inputCount; i++) {
      training |= needsInputGrad(i);
    }
    int w0 = 1 + stateCount;
    Tensor[] states = Arrays.copyOfRange(in, 1, w0);
    s = SequenceShape.of(name(), gateCount, in[0], states, in[w0], in[w0 + 1], in[w0 + 2],
        in[w0 + 3], lengths);
    int b = s.batch;
    int t = s.time;
    int hh = s.hidden;
    int ni = s.input;
    int gw = s.gateWidth();
    x = in[0].data();
    long stepWork = (long) b * gw * (hh + ni);
    int threads = threadsFor(stepWork);
    blockWidth = chooseBlockWidth(hh, threads);
    blocks = (hh + blockWidth - 1) / blockWidth;
    int nr = P.nr();
    int joint = jointGates();
    panelStart = new int[blocks + 1];
    jointPanels = new int[blocks];
    cColumn = new int[blocks];
    for (int jb = 0; jb < blocks; jb++) {
      int w = width(jb);
      jointPanels[jb] = P.panels(joint * w);
      panelStart[jb + 1] = panelStart[jb] + jointPanels[jb] + P.panels((gateCount - joint) * w);
      cColumn[jb] = panelStart[jb] * nr;
    }
    int cols = panelStart[blocks] * nr;
    // An odd number of vectors between rows keeps the stores of one tile out of one L1 set.
    ldc = cols + (cols % 32 == 0 ? 8 : 0);
    paddedBatch = P.paddedRows(b);
    depth = hh + 1 + ni + 1;

    float[] wIh = in[w0].data();
    float[] wHh = in[w0 + 1].data();
    float[] bIh = in[w0 + 2].data();
    float[] bHh = in[w0 + 3].data();
    weightIh = wIh;
    weightHh = wHh;
    packedW = packWeights(wHh, bHh, wIh, bIh, threads);
    int groups = rowGroups(b, threads);
    rowStart = new int[groups + 1];
    packedA = new float[groups][][];
    h = in[1].toArray();
    for (int g = 0; g < groups; g++) {
      int r0 = (int) ((long) b * g / groups);
      int r1 = (int) ((long) b * (g + 1) / groups);
      rowStart[g + 1] = r1;
      int aSize = P.packedASize(r1 - r0, depth);
      packedA[g] = new float[][] {Workspace.take(aSize), Workspace.take(aSize)};
      for (float[] a : packedA[g]) {
        for (int r = 0; r < r1 - r0; r++) {
          a[P.indexA(r, hh, depth)] = 1f;
          a[P.indexA(r, depth - 1, depth)] = 1f;
        }
      }
      for (int r = r0; r < r1; r++) {
        for (int j = 0; j < hh; j++) {
          packedA[g][0][P.indexA(r - r0, j, depth)] = h[r * hh + j];
        }
      }
      if (t > 0) {
        copyInput(s.timeAt(0, reverse), 0, ni, g, 0);
      }
    }
    cH = Workspace.take(paddedBatch * ldc);
    cX = joint < gateCount ? Workspace.take(paddedBatch * ldc) : null;
    y = new float[b * t * hh];
    if (training) {
      gates = saved(b * t * gw);
      hx = saved(b * t * depth);
      if (!s.allFull()) {
        // h⟨t−1⟩ is only written at active steps; the others meet zero gate gradients in the
        // weight-gradient product, where a stale NaN would still poison the sum.
        Arrays.fill(hx, 0f);
      }
    }
    begin(in);
    if (groups > 1) {
      ComputePool.parallelFor(groups, groups, this::forwardGroup);
    } else {
      StepTeam.run(t, blocks, threads, this::forwardUnit);
    }
    Tensor[] extra = extraOutputs();
    Tensor[] out = new Tensor[2 + extra.length];
    out[0] = Tensor.wrap(y, b, t, hh);
    out[1] = Tensor.wrap(h.clone(), b, hh);
    System.arraycopy(extra, 0, out, 2, extra.length);
    release();
    return out;
  }

  /**
   * A workspace array for something backward reads (its contents are arbitrary: write every
   * element that backward will read). Saved arrays go back to the workspace when backward ends,
   * so a training step does not allocate (and zero, and collect) them afresh; a second backward
   * through the same graph is therefore refused.
   */
  protected final float[] saved(int n) {
    float[] a = Workspace.take(n);
    savedArrays.add(a);
    return a;
  }

  /** Hands the forward workspaces back (backward needs none of them). */
  private void release() {
    for (float[][] pair : packedA) {
      Workspace.give(pair[0], pair[1]);
    }
    Workspace.give(packedW, cH, cX);
    packedW = null;
    packedA = null;
    cH = null;
    cX = null;
  }

  /**
   * Copies columns {@code [from, to)} of {@code x⟨tt⟩} into buffer {@code buffer} of row group
   * {@code g}'s packed step operand.
   */
  private void copyInput(int tt, int from, int to, int g, int buffer) {
    int t = s.time;
    int ni = s.input;
    int base = s.hidden + 1;
    int mr = P.mr();
    int r0 = rowStart[g];
    float[] a = packedA[g][buffer];
    for (int r = r0; r < rowStart[g + 1]; r++) {
      int src = (r * t + tt) * ni;
      int at = P.indexA(r - r0, base + from, depth);
      for (int p = from; p < to; p++, at += mr) {
        a[at] = x[src + p];
      }
    }
  }

  /**
   * How many row groups the forward splits the batch into: one per thread when every group gets
   * at least {@link #MIN_GROUP_ROWS} rows, else one (the blocks of each step are then shared out
   * instead, with a barrier per step).
   */
  static int rowGroups(int batch, int threads) {
    int forced = rowGroupsOverride;
    if (forced > 0) {
      return Math.min(forced, batch);
    }
    return threads > 1 && batch >= threads * MIN_GROUP_ROWS ? threads : 1;
  }

  /** All steps of row group {@code g}: no other group's rows are needed, so no barrier. */
  private void forwardGroup(int g) {
    int t = s.time;
    for (int step = 0; step < t; step++) {
      for (int jb = 0; jb < blocks; jb++) {
        forwardRows(step, jb, g);
      }
      if (step + 1 < t) {
        copyInput(s.timeAt(step + 1, reverse), 0, s.input, g, (step + 1) & 1);
      }
    }
  }

  /** Step {@code step} (in processing order) of block {@code jb}, the whole batch (one group). */
  private void forwardUnit(int step, int jb) {
    forwardRows(step, jb, 0);
    if (step + 1 < s.time) {
      int ni = s.input;
      copyInput(s.timeAt(step + 1, reverse), (int) ((long) ni * jb / blocks),
          (int) ((long) ni * (jb + 1) / blocks), 0, (step + 1) & 1);
    }
  }

  /** Step {@code step} (in processing order) of block {@code jb}, rows of group {@code g}. */
  private void forwardRows(int step, int jb, int g) {
    int b = s.batch;
    int r0 = rowStart[g];
    int r1 = rowStart[g + 1];
    int t = s.time;
    int hh = s.hidden;
    int tt = s.timeAt(step, reverse);
    int nr = P.nr();
    int mr = P.mr();
    int c0 = cColumn[jb];
    int joint = jointPanels[jb];
    int all = panelStart[jb + 1] - panelStart[jb];
    int wAt = panelStart[jb] * depth * nr;
    float[] cur = packedA[g][step & 1];
    float[] next = packedA[g][(step + 1) & 1];
    int m = r1 - r0;
    int cRows = c0 + r0 * ldc;
    P.multiplyPadded(m, joint, depth, cur, 0, depth, packedW, wAt, depth, 0f, cH, cRows, ldc);
    if (joint < all) {
      int split = hh + 1;
      int tail = wAt + joint * depth * nr;
      int cAt = cRows + joint * nr;
      P.multiplyPadded(m, all - joint, split, cur, 0, depth, packedW, tail, depth, 0f, cH, cAt,
          ldc);
      P.multiplyPadded(m, all - joint, depth - split, cur, split * mr, depth, packedW,
          tail + split * nr, depth, 0f, cX, cAt, ldc);
    }
    int j0 = jb * blockWidth;
    int w = width(jb);
    int col = columnOf(jb);
    int gw = s.gateWidth();
    for (int r = r0; r < r1; r++) {
      int sb = r * hh + j0;
      int row = (r * t + tt) * hh + j0;
      if (s.active(r, tt)) {
        if (training) {
          System.arraycopy(h, sb, hx, (tt * b + r) * depth + j0, w);
        }
        forwardRow(jb, j0, w, col, r * ldc + c0, row, sb, (tt * b + r) * gw);
        System.arraycopy(h, sb, y, row, w);
      }
      // Inactive rows carry their state over unchanged.
      int at = P.indexA(r - r0, j0, depth);
      for (int j = 0; j < w; j++, at += mr) {
        next[at] = h[sb + j];
      }
    }
  }

  /**
   * Rows of {@code [G*H, cols]} (gate-major, as the parameters) in interleaved order, in a
   * workspace array.
   */
  private float[] interleaveRows(float[] m, int cols) {
    int hh = s.hidden;
    float[] out = Workspace.take(m.length);
    for (int g = 0; g < gateCount; g++) {
      for (int j = 0; j < hh; j++) {
        System.arraycopy(m, (g * hh + j) * cols, out, interleaved(g, j) * cols, cols);
      }
    }
    return out;
  }

  /**
   * Packs the step's right operand {@code [W_hhᵀ; b_hh; W_ihᵀ; b_ih]} ({@code [depth, G*H]},
   * interleaved columns), block by block: the joint gates' columns in whole panels, then the
   * others'.
   */
  private float[] packWeights(float[] wHh, float[] bHh, float[] wIh, float[] bIh,
      int threads) {
    int hh = s.hidden;
    int ni = s.input;
    int gw = s.gateWidth();
    int nr = P.nr();
    // [G*H, depth] rows in interleaved order (the transposed right operand), then packed; each
    // block is independent, so the blocks are shared out like the steps' (no serial setup).
    float[] rows = Workspace.take(gw * depth);
    float[] out = Workspace.take(panelStart[blocks] * nr * depth);
    int joint = jointGates();
    ComputePool.parallelFor(blocks, threads, jb -> {
      int w = width(jb);
      int j0 = jb * blockWidth;
      for (int g = 0; g < gateCount; g++) {
        for (int j = j0; j < j0 + w; j++) {
          int src = g * hh + j;
          int dst = interleaved(g, j) * depth;
          System.arraycopy(wHh, src * hh, rows, dst, hh);
          rows[dst + hh] = bHh[src];
          System.arraycopy(wIh, src * ni, rows, dst + hh + 1, ni);
          rows[dst + depth - 1] = bIh[src];
        }
      }
      int at = panelStart[jb] * nr * depth;
      int col = columnOf(jb);
      P.packB(true, rows, col * depth, depth, depth, joint * w, out, at);
      if (joint < gateCount) {
        P.packB(true, rows, (col + joint * w) * depth, depth, depth, (gateCount - joint) * w,
            out, at + jointPanels[jb] * nr * depth);
      }
    });
    Workspace.give(rows);
    return out;
  }


  @Override
  protected final Tensor[] backward(Tensor... g) {
    if (backwardDone) {
      throw new IllegalStateException(name() + ": backward through the same graph a second time; "
          + "its saved activations were released after the first backward (run the forward "
          + "again)");
    }
    int b = s.batch;
    int t = s.time;
    int hh = s.hidden;
    int gw = s.gateWidth();
    int in = s.input;
    int w0 = 1 + stateCount;
    float[] dy = g[0].data();
    dh = g[1].toArray();
    // Every gate gradient of an active step is written; those of inactive steps must be zero.
    boolean full = s.allFull();
    dGatesX = full ? Workspace.take(b * t * gw) : Workspace.takeZeroed(b * t * gw);
    dGatesH = !separateHiddenGradients() ? dGatesX
        : full ? Workspace.take(b * t * gw) : Workspace.takeZeroed(b * t * gw);
    beginBackward(g);
    float[] weightHhI = interleaveRows(weightHh, hh);
    int threads = threadsFor((long) b * gw * hh);
    Backward pass = new Backward(dy, weightHhI, threads);
    GradientWork work = new GradientWork(threads);
    // The recurrence and the gradient GEMMs of the steps it has finished run side by side
    // (ChunkPipeline) when one thread can carry the recurrence without becoming the critical
    // path; otherwise the whole team runs the recurrence step by step first.
    long recurrenceWork = (long) b * t * gw * hh;
    long gemmWork = (long) b * t * gw * (depth + (needsInputGrad(0) ? in : 0));
    if (threads > 1 && 4 * recurrenceWork * threads <= 5 * (recurrenceWork + gemmWork)) {
      ChunkPipeline.run(t + 1, round -> {
        for (int jb = 0; jb < blocks; jb++) {
          pass.unit(round, jb);
        }
        return work.chunksDoneAfter(round);
      }, work.chunks, work.lanes(), true, work::run, threads);
    } else {
      StepTeam.run(t + 1, blocks, threads, pass::unit);
      ChunkPipeline.run(0, round -> 0, work.chunks, work.lanes(), true, work::run, threads);
    }

    Tensor[] grads = new Tensor[inputCount];
    if (needsInputGrad(0)) {
      grads[0] = Tensor.wrap(work.dx, b, t, in);
    }
    grads[1] = Tensor.wrap(dh, b, hh);
    Tensor[] extra = extraInputGrads();
    System.arraycopy(extra, 0, grads, 2, extra.length);
    int ld = work.ldr;
    float[] rH = work.result[0];
    float[] rX = work.result[1] != null ? work.result[1] : rH;
    int xRow = work.result[1] != null ? 0 : hh + 1;
    if (needsInputGrad(w0)) {
      grads[w0] = Tensor.wrap(gradientRows(rX, ld, xRow, in), gw, in);
    }
    if (needsInputGrad(w0 + 1)) {
      grads[w0 + 1] = Tensor.wrap(gradientRows(rH, ld, 0, hh), gw, hh);
    }
    if (needsInputGrad(w0 + 2)) {
      grads[w0 + 2] = Tensor.wrap(gradientRows(rX, ld, xRow + in, 1), gw);
    }
    if (needsInputGrad(w0 + 3)) {
      grads[w0 + 3] = Tensor.wrap(gradientRows(rH, ld, hh, 1), gw);
    }
    work.release();
    Tensor[] extraParams = extraParameterGrads();
    System.arraycopy(extraParams, 0, grads, w0 + 4, extraParams.length);
    Workspace.give(dGatesX, dGatesH == dGatesX ? null : dGatesH, weightHhI, pass.packedW, pass.cD,
        pass.packedG[0], pass.packedG[1]);
    dGatesX = null;
    dGatesH = null;
    releaseSaved();
    return grads;
  }

  /** Rows of {@code [h | 1 | x | 1]} in one chunk of the weight-gradient reduction (about). */
  static final int CHUNK_ROWS = 384;
  /** Columns of the weight-gradient product per lane (whole panels). */
  static final int LANE_COLUMNS = 128;

  /**
   * The GEMMs that follow the recurrence, cut into chunks of consecutive steps (in processing
   * order, so a chunk is ready as soon as the backward rounds have passed it): every weight and
   * bias gradient from {@code [h | 1 | x | 1]ᵀ · dGates}, one lane per {@value #LANE_COLUMNS}
   * gate columns, each lane accumulating its chunks in order; and, when x needs a gradient, a
   * last lane for {@code dx = dGatesX · W_ih}. Lane 0 also fills a chunk's {@code 1 | x | 1}
   * columns and packs its transposed {@code [h | 1 | x | 1]} once for every lane. The chunks
   * and lanes depend only on the shapes, so the sums do not depend on the thread count.
   *
   * <p>The step rows are time-major ({@code tt * B + b}), so a chunk is a contiguous range of
   * rows of {@link #hx} and of the gate gradients.
   */
  private final class GradientWork {
    final int stepsPerChunk;
    final int chunks;
    /** Part 0: the rows of {@code [h|1|x|1]} against {@link #dGatesH} (all of them unless
     * separate); part 1 (separate hidden gradients only): the {@code x | 1} rows against
     * {@link #dGatesX}. */
    final int[] partRow = new int[2];
    final int[] partRows = new int[2];
    final boolean[] partNeeded = new boolean[2];
    final float[][] packedA = new float[2][];
    /** {@code [partRows, ldr]} per part, interleaved gate columns. */
    final float[][] result = new float[2][];
    final int ldr;
    final int panels;
    final int weightLanes;
    final float[] dx;
    final float[] weightIhI;

    GradientWork(int threads) {
      int b = s.batch;
      int t = s.time;
      int hh = s.hidden;
      int in = s.input;
      int gw = s.gateWidth();
      int w0 = 1 + stateCount;
      stepsPerChunk = Math.max(1, Math.round((float) CHUNK_ROWS / Math.max(1, b)));
      chunks = b == 0 ? 0 : (t + stepsPerChunk - 1) / stepsPerChunk;
      panels = P.panels(gw);
      ldr = panels * P.nr();
      boolean hidden = needsInputGrad(w0 + 1) || needsInputGrad(w0 + 3);
      boolean input = needsInputGrad(w0) || needsInputGrad(w0 + 2);
      if (separateHiddenGradients()) {
        partRows[0] = hh + 1;
        partRow[1] = hh + 1;
        partRows[1] = in + 1;
        partNeeded[0] = hidden;
        partNeeded[1] = input;
      } else {
        partRows[0] = depth;
        partNeeded[0] = hidden || input;
      }
      int bt = b * t;
      for (int q = 0; q < 2; q++) {
        if (partNeeded[q]) {
          packedA[q] = Workspace.take(P.paddedRows(partRows[q]) * bt);
          result[q] = chunks == 0 ? Workspace.takeZeroed(partRows[q] * ldr)
              : Workspace.take(partRows[q] * ldr);
        }
      }
      weightLanes = partNeeded[0] || partNeeded[1]
          ? Math.max(1, (panels * P.nr() + LANE_COLUMNS - 1) / LANE_COLUMNS) : 0;
      dx = needsInputGrad(0) ? new float[bt * in] : null;
      weightIhI = dx != null && bt > 0 && in > 0 ? interleaveRows(weightIh, in) : null;
    }

    int lanes() {
      return weightLanes + (dx != null ? 1 : 0);
    }

    /** Chunks whose gate gradients are all written after backward round {@code round}. */
    int chunksDoneAfter(int round) {
      return round >= s.time - 1 ? chunks : (round + 1) / stepsPerChunk;
    }

    /** First time index of chunk {@code c} (chunks run from the last processed step back). */
    private int firstTime(int c) {
      int t = s.time;
      int posLo = Math.max(0, t - (c + 1) * stepsPerChunk);
      int posHi = t - c * stepsPerChunk;
      return reverse ? t - posHi : posLo;
    }

    private int steps(int c) {
      return Math.min(s.time, (c + 1) * stepsPerChunk) - c * stepsPerChunk;
    }

    void run(int lane, int c) {
      int b = s.batch;
      int rowLo = firstTime(c) * b;
      int rows = steps(c) * b;
      if (lane == weightLanes) {
        inputGradient(rowLo, rows);
        return;
      }
      if (lane == 0) {
        prepare(rowLo, rows);
      }
      int gw = s.gateWidth();
      int nr = P.nr();
      int p0 = panels * lane / weightLanes;
      int p1 = panels * (lane + 1) / weightLanes;
      int col = p0 * nr;
      int cols = Math.min(gw, p1 * nr) - col;
      if (cols <= 0) {
        return;
      }
      float[] packedB = Workspace.take(P.packedBSize(rows, cols));
      for (int q = 0; q < 2; q++) {
        if (!partNeeded[q]) {
          continue;
        }
        float[] dG = q == 0 ? dGatesH : dGatesX;
        P.packB(false, dG, rowLo * gw + col, gw, rows, cols, packedB, 0);
        P.multiplyPadded(partRows[q], p1 - p0, rows, packedA[q],
            P.paddedRows(partRows[q]) * rowLo, packedB, 0, c == 0 ? 0f : 1f, result[q], col, ldr);
      }
      Workspace.give(packedB);
    }

    /** Fills the {@code 1 | x | 1} columns of a chunk's rows and packs each part's transpose. */
    private void prepare(int rowLo, int rows) {
      int b = s.batch;
      int t = s.time;
      int hh = s.hidden;
      int in = s.input;
      int d = depth;
      for (int q = rowLo; q < rowLo + rows; q++) {
        int tt = q / b;
        int r = q - tt * b;
        hx[q * d + hh] = 1f;
        System.arraycopy(x, (r * t + tt) * in, hx, q * d + hh + 1, in);
        hx[q * d + d - 1] = 1f;
      }
      for (int q = 0; q < 2; q++) {
        if (partNeeded[q]) {
          P.packA(true, hx, rowLo * d + partRow[q], d, partRows[q], rows, packedA[q],
              P.paddedRows(partRows[q]) * rowLo);
        }
      }
    }

    /** {@code dx} of a chunk's rows: {@code dGatesX · W_ih} (interleaved), into [B, T, I]. */
    private void inputGradient(int rowLo, int rows) {
      int b = s.batch;
      int t = s.time;
      int in = s.input;
      int gw = s.gateWidth();
      if (weightIhI == null) {
        return;
      }
      float[] part = Workspace.take(rows * in);
      K.gemm(false, false, rows, in, gw, 1f, dGatesX, rowLo * gw, gw, weightIhI, 0, in, 0f,
          part, 0, in, 1);
      for (int q = 0; q < rows; q++) {
        int tt = (rowLo + q) / b;
        int r = rowLo + q - tt * b;
        System.arraycopy(part, q * in, dx, (r * t + tt) * in, in);
      }
      Workspace.give(part);
    }

    void release() {
      Workspace.give(packedA[0], packedA[1], result[0], result[1], weightIhI);
    }
  }

  /** Hands the saved activations back; from here on this node cannot run backward again. */
  private void releaseSaved() {
    backwardDone = true;
    Workspace.give(savedArrays.toArray(new float[0][]));
    savedArrays.clear();
    gates = null;
    hx = null;
    endBackward();
  }

  /** Drops the subclass's references to arrays from {@link #saved} (they are handed back). */
  protected void endBackward() {}

  /** The backward rounds: round r handles the product of step T−r and the gates of T−1−r. */
  private final class Backward {
    final float[] dy;
    /** {@code W_hh} interleaved, as {@code op(B) [G*H, H]}, each block's units in own panels. */
    final float[] packedW;
    final int[] wPanelStart;
    final int[] dCol;
    final float[] cD;
    final int ldd;
    /** Packed {@code dGatesH} of one step, double-buffered ({@code [paddedRows(B), G*H]}). */
    final float[][] packedG;

    Backward(float[] dy, float[] weightHhI, int threads) {
      this.dy = dy;
      int hh = s.hidden;
      int gw = s.gateWidth();
      int nr = P.nr();
      wPanelStart = new int[blocks + 1];
      dCol = new int[blocks];
      for (int jb = 0; jb < blocks; jb++) {
        wPanelStart[jb + 1] = wPanelStart[jb] + P.panels(width(jb));
        dCol[jb] = wPanelStart[jb] * nr;
      }
      packedW = Workspace.take(wPanelStart[blocks] * nr * gw);
      float[] w = packedW;
      ComputePool.parallelFor(blocks, threads, jb -> P.packB(false, weightHhI, jb * blockWidth,
          hh, gw, width(jb), w, wPanelStart[jb] * nr * gw));
      int cols = wPanelStart[blocks] * nr;
      ldd = cols + (cols % 32 == 0 ? 8 : 0);
      cD = Workspace.take(paddedBatch * ldd);
      int gPanel = P.packedASize(s.batch, gw);
      packedG = new float[][] {Workspace.take(gPanel), Workspace.take(gPanel)};
    }

    void unit(int round, int jb) {
      int b = s.batch;
      int t = s.time;
      int hh = s.hidden;
      int gw = s.gateWidth();
      int j0 = jb * blockWidth;
      int w = width(jb);
      int pos = t - 1 - round;
      if (round > 0) {
        // dh⟨pos⟩ (block columns) += dGatesH⟨pos+1⟩ · W_hh[:, block]
        int tt1 = s.timeAt(pos + 1, reverse);
        int nr = P.nr();
        P.multiplyPadded(b, wPanelStart[jb + 1] - wPanelStart[jb], gw, packedG[(round - 1) & 1],
            0, packedW, wPanelStart[jb] * nr * gw, 0f, cD, dCol[jb], ldd);
        boolean add = accumulatesHiddenGrad();
        for (int r = 0; r < b; r++) {
          if (!s.active(r, tt1)) {
            continue;
          }
          int sb = r * hh + j0;
          int at = r * ldd + dCol[jb];
          if (add) {
            K.add(dh, sb, cD, at, dh, sb, w);
          } else {
            System.arraycopy(cD, at, dh, sb, w);
          }
        }
      }
      if (pos >= 0) {
        int tt = s.timeAt(pos, reverse);
        int col = columnOf(jb);
        int gwb = gateCount * w;
        float[] next = packedG[round & 1];
        int mr = P.mr();
        for (int r = 0; r < b; r++) {
          if (!s.active(r, tt)) {
            continue;
          }
          int gRow = (tt * b + r) * gw;
          backwardRow(j0, w, col, (r * t + tt) * hh + j0, r * hh + j0, gRow,
              (tt * b + r) * depth + j0, dy);
          int at = P.indexA(r, col, gw);
          int src = gRow + col;
          for (int q = 0; q < gwb; q++, at += mr) {
            next[at] = dGatesH[src + q];
          }
        }
      }
    }
  }

  /**
   * Rows {@code [from, from + count)} of a {@code [*, G*H]} product with interleaved columns,
   * as a {@code [G*H, count]} parameter gradient in gate-major row order.
   */
  private float[] gradientRows(float[] m, int ld, int from, int count) {
    int hh = s.hidden;
    int gw = s.gateWidth();
    float[] out = new float[gw * count];
    for (int g = 0; g < gateCount; g++) {
      for (int j = 0; j < hh; j++) {
        int src = from * ld + interleaved(g, j);
        int dst = (g * hh + j) * count;
        for (int p = 0; p < count; p++) {
          out[dst + p] = m[src + p * ld];
        }
      }
    }
    return out;
  }
}
