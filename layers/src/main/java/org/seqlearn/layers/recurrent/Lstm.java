package org.seqlearn.layers.recurrent;

import java.util.Arrays;
import java.util.Map;
import org.seqlearn.core.Function;
import org.seqlearn.core.Tensor;

/**
 * A multi-layer, optionally bidirectional LSTM, equivalent to PyTorch's {@code nn.LSTM} (gate
 * order i, f, g, o: input/update gate Γu, forget gate Γf, candidate c̃, output gate Γo). See
 * {@link LstmSequence} for the equations and {@link RecurrentOptions} for the options.
 *
 * <!-- given: Tensor x, int[] lengths -->
 * <pre>{@code
 * Lstm lstm = new Lstm(50, 128, RecurrentOptions.defaults().batchFirst(true));
 * RecurrentOutput out = lstm.forward(x, lengths);   // x [batch, time, 50]
 * out.output();                                     // [batch, time, 128]
 * }</pre>
 */
public final class Lstm extends RecurrentLayer {

  private final boolean peephole;

  /** One layer, PyTorch defaults. */
  public Lstm(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, RecurrentOptions.defaults());
  }

  /** @param options layers, directions, merge, dropout, layout, bias, seed */
  public Lstm(int inputSize, int hiddenSize, RecurrentOptions options) {
    this(inputSize, hiddenSize, false, options);
  }

  /**
   * @param peephole the course's peephole variant: every gate also sees c⟨t−1⟩ through
   *     elementwise weights {@code weight_peephole_l<k>[_reverse] [3, hidden]} (rows p_i, p_f,
   *     p_o); such a layer has no PyTorch counterpart
   * @param options layers, directions, merge, dropout, layout, bias, seed
   */
  public Lstm(int inputSize, int hiddenSize, boolean peephole, RecurrentOptions options) {
    super(4, inputSize, hiddenSize, options, peephole);
    this.peephole = peephole;
  }

  /** Whether the gates also see c⟨t−1⟩. */
  public boolean peephole() {
    return peephole;
  }

  /**
   * Sets the forget gate's bias (Γf's b_f) to {@code value} in every layer and direction, so the
   * cell keeps its content by default early in training (Keras's {@code unit_forget_bias} uses
   * 1; Jozefowicz et al., 2015, recommend 1 or more). With PyTorch's two biases, rows {@code
   * [hidden, 2 * hidden)} of every {@code bias_ih} become {@code value} and those of {@code
   * bias_hh} become 0, so the effective bias is exactly {@code value}. Call it before training.
   *
   * @return this layer
   * @throws IllegalStateException if the layer was built without biases
   */
  public Lstm initForgetGateBias(float value) {
    if (!options().bias()) {
      throw new IllegalStateException("this LSTM has no biases (RecurrentOptions.bias(false))");
    }
    int h = hiddenSize();
    for (Map.Entry<String, Tensor> p : namedParameters().entrySet()) {
      String name = p.getKey();
      if (name.startsWith("bias_ih") || name.startsWith("bias_hh")) {
        Arrays.fill(p.getValue().data(), h, 2 * h, name.startsWith("bias_ih") ? value : 0f);
      }
    }
    return this;
  }

  @Override
  Function sequence(boolean reverse, int[] lengths) {
    return new LstmSequence(reverse, lengths, peephole);
  }

  @Override
  int stateCount() {
    return 2;
  }

  /**
   * Runs the stack from the given states.
   *
   * @param x {@code [batch, time, input]} when batch-first, else {@code [time, batch, input]}
   * @param lengths per-sequence lengths in {@code [0, time]}, or null for full length
   * @param h0 {@code [numLayers * numDirections, batch, hidden]} or null for zeros
   * @param c0 same shape as {@code h0}, or null for zeros
   */
  public RecurrentOutput forward(Tensor x, int[] lengths, Tensor h0, Tensor c0) {
    return run(x, lengths, h0, c0);
  }

  /** Sets training mode (here and in sub-modules); returns this {@code Lstm}. */
  @Override
  public Lstm train(boolean on) {
    super.train(on);
    return this;
  }

  /** Training mode; returns this {@code Lstm}. */
  @Override
  public Lstm train() {
    return train(true);
  }

  /** Evaluation mode; returns this {@code Lstm}. */
  @Override
  public Lstm eval() {
    return train(false);
  }
}
