package org.seqlearn.audio.asr;

import org.seqlearn.core.Tensor;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Conv1d;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * The acoustic model of the recogniser: {@code [N, T, features]} → Conv1d (kernel 5, stride 2,
 * ReLU; halves the frame rate) → bidirectional GRU (directions concatenated) → Linear → log-softmax
 * over the CTC symbols, {@code [N, T', symbols]} with {@code T' = floor((T - 1) / 2) + 1}.
 */
public final class CtcSpeechModel extends Module {
  private final Conv1d frontEnd;
  private final Gru gru;
  private final Linear output;
  private final int features;
  private final int convChannels;
  private final int hidden;
  private final int symbols;

  /**
   * @param features input features per frame
   * @param convChannels Conv1d output channels
   * @param hidden GRU hidden size per direction
   * @param symbols CTC symbols, the blank included
   * @param seed seed of the initial weights
   */
  public CtcSpeechModel(int features, int convChannels, int hidden, int symbols, long seed) {
    this.features = features;
    this.convChannels = convChannels;
    this.hidden = hidden;
    this.symbols = symbols;
    frontEnd = registerModule("conv",
        new Conv1d(features, convChannels, 5, 2, 2, 1, true, seed));
    gru = registerModule("gru", new Gru(convChannels, hidden,
        RecurrentOptions.defaults().bidirectional(true).batchFirst(true).seed(seed + 1)));
    output = registerModule("fc", new Linear(2 * hidden, symbols, true,
        seed + 2));
  }

  /** Output frames for {@code frames} input frames. */
  public static int outputFrames(int frames) {
    return (frames - 1) / 2 + 1;
  }

  /**
   * Per-frame log-probabilities.
   *
   * @param x {@code [N, T, features]}, zero-padded after each sequence's length
   * @param lengths the N input lengths (frames)
   * @return {@code [N, T', symbols]}
   */
  public Tensor forward(Tensor x, int[] lengths) {
    Tensor h = frontEnd.forward(x.transpose(1, 2)).relu().transpose(1, 2);
    int[] out = new int[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      out[i] = Math.min(outputFrames(lengths[i]), h.dim(1));
    }
    Tensor seq = gru.forward(h, out, null).output();
    return output.forward(seq).logSoftmax(-1);
  }

  /** {features, convChannels, hidden, symbols}. */
  public int[] sizes() {
    return new int[] {features, convChannels, hidden, symbols};
  }
}
