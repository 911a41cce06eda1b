package org.seqlearn.layers.recurrent;

import java.util.Arrays;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * The sizes of one fused recurrent application and its per-sequence lengths, validated once.
 *
 * <p>Input {@code x} is {@code [batch, time, input]}, states are {@code [batch, hidden]}, input
 * weights {@code [gates * hidden, input]}, hidden weights {@code [gates * hidden, hidden]}, biases
 * {@code [gates * hidden]}. A step {@code t} of sequence {@code b} is <em>active</em> when
 * {@code t < lengths[b]}; inactive steps output zeros and leave the state unchanged, which gives
 * PyTorch's packed-sequence semantics in both directions.
 */
final class SequenceShape {

  final int batch;
  final int time;
  final int input;
  final int hidden;
  final int gates;
  private final int[] lengths;

  private SequenceShape(int batch, int time, int input, int hidden, int gates, int[] lengths) {
    this.batch = batch;
    this.time = time;
    this.input = input;
    this.hidden = hidden;
    this.gates = gates;
    this.lengths = lengths;
  }

  /**
   * Validates the tensors of a fused recurrent op.
   *
   * @param states the initial states ({@code h0}, and {@code c0} for an LSTM)
   * @param lengths per-sequence lengths in {@code [0, time]}, or null when all are full length
   */
  static SequenceShape of(String op, int gates, Tensor x, Tensor[] states, Tensor weightIh,
      Tensor weightHh, Tensor biasIh, Tensor biasHh, int[] lengths) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException(op + ": x must be [batch, time, input], got shape "
          + Shape.format(x.shape()));
    }
    int batch = x.dim(0);
    int time = x.dim(1);
    int input = x.dim(2);
    if (weightHh.rank() != 2 || weightHh.dim(0) % gates != 0
        || weightHh.dim(1) * gates != weightHh.dim(0) || weightHh.dim(1) == 0) {
      throw new IllegalArgumentException(op + ": weight_hh must be [" + gates
          + " * hidden, hidden], got shape " + Shape.format(weightHh.shape()));
    }
    int hidden = weightHh.dim(1);
    int gh = gates * hidden;
    expect(op, "weight_ih", weightIh, gh, input);
    expect(op, "bias_ih", biasIh, gh);
    expect(op, "bias_hh", biasHh, gh);
    for (int i = 0; i < states.length; i++) {
      expect(op, i == 0 ? "h0" : "c0", states[i], batch, hidden);
    }
    int[] lens;
    if (lengths == null) {
      lens = new int[batch];
      Arrays.fill(lens, time);
    } else {
      if (lengths.length != batch) {
        throw new IllegalArgumentException(op + ": lengths must have one entry per sequence ("
            + batch + "), got " + lengths.length);
      }
      for (int b = 0; b < batch; b++) {
        if (lengths[b] < 0 || lengths[b] > time) {
          throw new IllegalArgumentException(op + ": lengths[" + b + "] must be in [0, " + time
              + "], got " + lengths[b]);
        }
      }
      lens = lengths.clone();
    }
    return new SequenceShape(batch, time, input, hidden, gates, lens);
  }

  private static void expect(String op, String name, Tensor t, int... shape) {
    if (!Arrays.equals(t.shape(), shape)) {
      throw new IllegalArgumentException(op + ": " + name + " must be " + Shape.format(shape)
          + ", got " + Shape.format(t.shape()));
    }
  }

  /** Whether every sequence runs the full {@code time} steps. */
  boolean allFull() {
    for (int len : lengths) {
      if (len != time) {
        return false;
      }
    }
    return true;
  }

  /** Whether step {@code t} of sequence {@code b} is inside that sequence. */
  boolean active(int b, int t) {
    return t < lengths[b];
  }

  /** The time index processed at position {@code s} of the recurrence. */
  int timeAt(int s, boolean reverse) {
    return reverse ? time - 1 - s : s;
  }

  /** {@code gates * hidden}: the width of one row of gate pre-activations. */
  int gateWidth() {
    return gates * hidden;
  }
}
