package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Function;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;

/**
 * One recurrent step, for loops written by hand (decoders, sampling): the fused sequence op run
 * with {@code time = 1}. Parameters use PyTorch's cell names {@code weight_ih}, {@code
 * weight_hh}, {@code bias_ih}, {@code bias_hh} and its initialisation (uniform in ±1/√hidden).
 */
public abstract class RecurrentCell extends Module {

  private final int inputSize;
  private final int hiddenSize;
  private final Tensor[] weights = new Tensor[4];

  RecurrentCell(int gates, int inputSize, int hiddenSize, boolean bias, long seed) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("inputSize and hiddenSize must be >= 1, got "
          + inputSize + " and " + hiddenSize);
    }
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    Rng rng = new Rng(seed);
    float k = (float) (1.0 / Math.sqrt(hiddenSize));
    int gh = gates * hiddenSize;
    weights[0] = registerParameter("weight_ih", Tensor.uniform(-k, k, rng, gh, inputSize));
    weights[1] = registerParameter("weight_hh", Tensor.uniform(-k, k, rng, gh, hiddenSize));
    if (bias) {
      weights[2] = registerParameter("bias_ih", Tensor.uniform(-k, k, rng, gh));
      weights[3] = registerParameter("bias_hh", Tensor.uniform(-k, k, rng, gh));
    } else {
      weights[2] = Tensor.zeros(gh);
      weights[3] = Tensor.zeros(gh);
    }
  }

  /** Features of one input step. */
  public final int inputSize() {
    return inputSize;
  }

  /** Features of the state. */
  public final int hiddenSize() {
    return hiddenSize;
  }

  /** Runs one step; returns the new states (h, and c for an LSTM). */
  final Tensor[] step(Function sequence, Tensor x, Tensor... states) {
    if (x.rank() != 2 || x.dim(1) != inputSize) {
      throw new IllegalArgumentException("x must be [batch, " + inputSize + "], got shape "
          + Shape.format(x.shape()));
    }
    int batch = x.dim(0);
    Tensor[] args = new Tensor[1 + states.length + 4];
    args[0] = x.reshape(batch, 1, inputSize);
    for (int i = 0; i < states.length; i++) {
      args[1 + i] = states[i] == null ? Tensor.zeros(batch, hiddenSize) : states[i];
    }
    System.arraycopy(weights, 0, args, 1 + states.length, 4);
    Tensor[] outs = sequence.applyAll(args);
    Tensor[] next = new Tensor[states.length];
    System.arraycopy(outs, 1, next, 0, states.length);
    return next;
  }
}
