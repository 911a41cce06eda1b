package org.seqlearn.layers.recurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;
import org.seqlearn.core.random.GlobalSeed;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;

/**
 * A stack of fused recurrent layers, optionally bidirectional, with PyTorch's parameter names
 * ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0}, and {@code
 * *_reverse} for the backward direction) and initialisation (uniform in ±1/√hidden).
 *
 * <p>Each layer and direction is one fused op ({@link LstmSequence}, {@link GruSequence}, {@link
 * RnnSequence}); directions are merged, and layers chained, by core's tensor ops. As in PyTorch
 * (without {@code retain_graph}), a graph through these ops can be backpropagated once: the
 * activations a forward pass saves for backward are reused by the next pass as soon as backward
 * has consumed them, and a second backward through the same graph throws {@link
 * IllegalStateException}; run the forward again instead.
 */
public abstract class RecurrentLayer extends Module {

  private final int inputSize;
  private final int hiddenSize;
  private final int gates;
  private final RecurrentOptions options;
  private final Tensor[][] weights;
  private final Rng dropoutRng;

  RecurrentLayer(int gates, int inputSize, int hiddenSize, RecurrentOptions options) {
    this(gates, inputSize, hiddenSize, options, false);
  }

  /** @param peephole whether each layer and direction has {@code weight_peephole [3, hidden]} */
  RecurrentLayer(int gates, int inputSize, int hiddenSize, RecurrentOptions options,
      boolean peephole) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("inputSize and hiddenSize must be >= 1, got "
          + inputSize + " and " + hiddenSize);
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.gates = gates;
    // an unseeded layer draws its seed now; options() then reports the seed it used
    this.options = options.hasSeed() ? options : options.seed(GlobalSeed.nextSeed());
    options = this.options;
    int dirs = options.numDirections();
    weights = new Tensor[options.numLayers() * dirs][];
    Rng rng = new Rng(options.seed());
    float k = (float) (1.0 / Math.sqrt(hiddenSize));
    int gh = gates * hiddenSize;
    for (int l = 0; l < options.numLayers(); l++) {
      int in = l == 0 ? inputSize : layerOutputSize();
      for (int d = 0; d < dirs; d++) {
        String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
        Tensor[] w = new Tensor[peephole ? 5 : 4];
        w[0] = registerParameter("weight_ih" + sfx, Tensor.uniform(-k, k, rng, gh, in));
        w[1] = registerParameter("weight_hh" + sfx, Tensor.uniform(-k, k, rng, gh, hiddenSize));
        if (options.bias()) {
          w[2] = registerParameter("bias_ih" + sfx, Tensor.uniform(-k, k, rng, gh));
          w[3] = registerParameter("bias_hh" + sfx, Tensor.uniform(-k, k, rng, gh));
        } else {
          w[2] = Tensor.zeros(gh);
          w[3] = Tensor.zeros(gh);
        }
        if (peephole) {
          w[4] = registerParameter("weight_peephole" + sfx,
              Tensor.uniform(-k, k, rng, 3, hiddenSize));
        }
        weights[l * dirs + d] = w;
      }
    }
    dropoutRng = Rng.split(options.seed(), 1);
  }

  /** The fused op of one direction of one layer. */
  abstract Function sequence(boolean reverse, int[] lengths);

  /** 2 for an LSTM (h and c), else 1. */
  abstract int stateCount();

  /** Features of one input step. */
  public final int inputSize() {
    return inputSize;
  }

  /** Features of one direction's state. */
  public final int hiddenSize() {
    return hiddenSize;
  }

  /** The options this layer was built with. */
  public final RecurrentOptions options() {
    return options;
  }

  /** Features of one output step: {@code 2 * hidden} for concatenated directions, else hidden. */
  public final int outputSize() {
    return layerOutputSize();
  }

  private int layerOutputSize() {
    return options.bidirectional() && options.merge() == MergeMode.CONCAT
        ? 2 * hiddenSize : hiddenSize;
  }

  /** Runs full-length sequences from zero states. */
  public final RecurrentOutput forward(Tensor x) {
    return run(x, null, null, null);
  }

  /** Runs sequences of the given lengths (null = full length) from zero states. */
  public final RecurrentOutput forward(Tensor x, int[] lengths) {
    return run(x, lengths, null, null);
  }

  /**
   * Runs the stack.
   *
   * @param x {@code [batch, time, input]} when batch-first, else {@code [time, batch, input]}
   * @param lengths per-sequence lengths in {@code [0, time]} (no sorting needed), or null
   * @param h0 initial hidden states {@code [numLayers * numDirections, batch, hidden]}, or null
   *     for zeros
   * @param c0 initial cell states (LSTM only) shaped like {@code h0}, or null for zeros
   */
  final RecurrentOutput run(Tensor x, int[] lengths, Tensor h0, Tensor c0) {
    if (x.rank() != 3 || x.dim(2) != inputSize) {
      throw new IllegalArgumentException("x must be " + (options.batchFirst()
          ? "[batch, time, " : "[time, batch, ") + inputSize + "], got shape "
          + Shape.format(x.shape()));
    }
    Tensor in = options.batchFirst() ? x : x.transpose(0, 1);
    int batch = in.dim(0);
    int dirs = options.numDirections();
    Tensor[] h0s = initialStates("h0", h0, batch);
    Tensor[] c0s = stateCount() == 2 ? initialStates("c0", c0, batch) : null;
    List<Tensor> hN = new ArrayList<>();
    List<Tensor> cN = new ArrayList<>();
    Tensor[] lastDir = new Tensor[dirs];
    for (int l = 0; l < options.numLayers(); l++) {
      Tensor[] dirOut = new Tensor[dirs];
      for (int d = 0; d < dirs; d++) {
        int idx = l * dirs + d;
        Tensor[] w = weights[idx];
        Tensor[] args = new Tensor[1 + stateCount() + w.length];
        args[0] = in;
        args[1] = h0s[idx];
        if (stateCount() == 2) {
          args[2] = c0s[idx];
        }
        System.arraycopy(w, 0, args, 1 + stateCount(), w.length);
        Tensor[] outs = sequence(d == 1, lengths).applyAll(args);
        dirOut[d] = outs[0];
        hN.add(outs[1]);
        lastDir[d] = outs[1];
        if (stateCount() == 2) {
          cN.add(outs[2]);
        }
      }
      in = merge(dirOut);
      if (l < options.numLayers() - 1) {
        in = in.dropout(options.dropout(), dropoutRng, isTraining());
      }
    }
    Tensor output;
    if (options.returnSequences()) {
      output = options.batchFirst() ? in : in.transpose(0, 1);
    } else {
      output = merge(lastDir);
    }
    Tensor h = Ops.stack(0, hN.toArray(new Tensor[0]));
    Tensor c = stateCount() == 2 ? Ops.stack(0, cN.toArray(new Tensor[0])) : null;
    return new RecurrentOutput(output, h, c);
  }

  /** PyTorch-style summary, e.g. {@code Lstm(4, 3, numLayers=2, bidirectional=CONCAT)}. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + inputSize + ", " + hiddenSize
        + (options.numLayers() > 1 ? ", numLayers=" + options.numLayers() : "")
        + (options.bidirectional() ? ", bidirectional=" + options.merge() : "")
        + (options.dropout() > 0f ? ", dropout=" + options.dropout() : "")
        + (options.batchFirst() ? ", batchFirst" : "")
        + (options.bias() ? "" : ", bias=false")
        + (options.returnSequences() ? "" : ", lastStepOnly") + ")";
  }

  private Tensor merge(Tensor[] dirOut) {
    if (dirOut.length == 1) {
      return dirOut[0];
    }
    return switch (options.merge()) {
      case CONCAT -> Ops.concat(-1, dirOut);
      case SUM -> dirOut[0].add(dirOut[1]);
      case MUL -> dirOut[0].mul(dirOut[1]);
      case AVERAGE -> dirOut[0].add(dirOut[1]).mul(0.5f);
    };
  }

  private Tensor[] initialStates(String name, Tensor given, int batch) {
    int n = options.numLayers() * options.numDirections();
    if (given == null) {
      Tensor[] zeros = new Tensor[n];
      for (int i = 0; i < n; i++) {
        zeros[i] = Tensor.zeros(batch, hiddenSize);
      }
      return zeros;
    }
    int[] expected = {n, batch, hiddenSize};
    if (!Arrays.equals(given.shape(), expected)) {
      throw new IllegalArgumentException(name + " must be [numLayers * numDirections, batch, "
          + "hidden] = " + Shape.format(expected) + ", got " + Shape.format(given.shape()));
    }
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    Tensor[] parts = given.split(0, ones);
    for (int i = 0; i < n; i++) {
      parts[i] = parts[i].squeeze(0);
    }
    return parts;
  }
}
