package org.seqlearn.audio.music;

import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentLayer;
import org.seqlearn.layers.recurrent.RecurrentOptions;
import org.seqlearn.layers.recurrent.RecurrentOutput;

/**
 * The polyphonic model of the JSB Chorales benchmark: a recurrent stack over piano-roll steps and
 * a linear layer giving one logit per key, {@code P(key k sounds at t + 1 | steps ≤ t) =
 * sigmoid(logit[t, k])}, the keys independent given the state.
 *
 * <p>{@code [N, T, keys]} 0/1 steps → LSTM or GRU ({@code hidden}, {@code layers}, dropout
 * between layers) → dropout → Linear → {@code [N, T, keys]} logits.
 */
public final class PolyphonicModel extends Module {
  private final MusicCell cell;
  private final int keys;
  private final int hidden;
  private final int layers;
  private final float dropout;
  private final RecurrentLayer rnn;
  private final Linear output;
  private final Rng dropoutRng;

  /**
   * A freshly initialised model; the same arguments give the same weights.
   *
   * @param cell LSTM or GRU
   * @param keys keys per step (88 for a piano)
   * @param hidden hidden units per layer
   * @param layers recurrent layers
   * @param dropout dropout probability between layers and before the output layer
   * @param seed seed of the weights and the dropout masks
   */
  public PolyphonicModel(MusicCell cell, int keys, int hidden, int layers, float dropout,
      long seed) {
    if (cell == null || keys < 1 || hidden < 1 || layers < 1 || !(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("expected a cell, keys, hidden and layers >= 1 and "
          + "dropout in [0, 1), got " + cell + ", " + keys + ", " + hidden + ", " + layers + ", "
          + dropout);
    }
    this.cell = cell;
    this.keys = keys;
    this.hidden = hidden;
    this.layers = layers;
    this.dropout = dropout;
    RecurrentOptions options = RecurrentOptions.defaults().batchFirst(true).numLayers(layers)
        .dropout(dropout).seed(seed);
    rnn = registerModule("rnn", cell == MusicCell.LSTM
        ? new Lstm(keys, hidden, options) : new Gru(keys, hidden, options));
    output = registerModule("fc", new Linear(hidden, keys, true, seed + 1));
    dropoutRng = Rng.split(seed, 2);
  }

  /**
   * Logits of the next step after each step.
   *
   * @param steps {@code [N, T, keys]} 0/1 piano-roll steps, zero-padded past each length
   * @param lengths the N sequence lengths, or null when all are {@code T}
   * @return {@code [N, T, keys]} logits; entry {@code t} scores step {@code t + 1}
   */
  public Tensor forward(Tensor steps, int[] lengths) {
    Tensor h = cell == MusicCell.LSTM
        ? ((Lstm) rnn).forward(steps, lengths, null, null).output()
        : ((Gru) rnn).forward(steps, lengths, null).output();
    return output.forward(h.dropout(dropout, dropoutRng, isTraining()));
  }

  /**
   * The recurrent state between steps.
   *
   * @param h hidden states {@code [layers, N, hidden]}
   * @param c LSTM cell states shaped like {@code h}, null for a GRU
   */
  public record State(Tensor h, Tensor c) {}

  /**
   * Logits and final state from a given state, for feeding steps one at a time.
   *
   * @param steps {@code [N, T, keys]}
   * @param state the state before the first step, or null for zeros
   * @return logits {@code [N, T, keys]} and the state after the last step
   */
  public Step run(Tensor steps, State state) {
    RecurrentOutput out = cell == MusicCell.LSTM
        ? ((Lstm) rnn).forward(steps, null, state == null ? null : state.h(),
            state == null ? null : state.c())
        : ((Gru) rnn).forward(steps, null, state == null ? null : state.h());
    Tensor logits = output.forward(out.output().dropout(dropout, dropoutRng, isTraining()));
    return new Step(logits, new State(out.hN(), out.cN()));
  }

  /**
   * The result of {@link #run(Tensor, State)}.
   *
   * @param logits {@code [N, T, keys]}
   * @param state the state after the last step
   */
  public record Step(Tensor logits, State state) {}

  /** The cell type. */
  public MusicCell cell() {
    return cell;
  }

  /** Keys per step. */
  public int keys() {
    return keys;
  }

  /** Hidden units per layer. */
  public int hidden() {
    return hidden;
  }

  /** Recurrent layers. */
  public int layers() {
    return layers;
  }
}
