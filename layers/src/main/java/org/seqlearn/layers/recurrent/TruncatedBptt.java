package org.seqlearn.layers.recurrent;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;

/**
 * Truncated backpropagation through time: runs a long stream through a unidirectional recurrent
 * layer in chunks of {@code chunkLength} steps, carrying the hidden (and cell) state from chunk to
 * chunk but cutting the graph between them, so gradients flow within a chunk and never across a
 * boundary. Memory and time per update stay bounded by the chunk length however long the stream.
 *
 * <!-- given: Lstm lstm, Tensor x, Optimizer optimizer,
 *      java.util.function.BiFunction<Tensor, Integer, Tensor> lossOf -->
 * <pre>{@code
 * TruncatedBptt tbptt = new TruncatedBptt(lstm, 35);
 * tbptt.run(x, (index, out) -> {               // x: [batch, time, input] (batch-first)
 *   Tensor loss = lossOf.apply(out.output(), index);  // out.output(): [batch, chunk, hidden]
 *   optimizer.zeroGrad();
 *   loss.backward();                            // stops at the chunk's initial states
 *   optimizer.step();
 * });
 * }</pre>
 *
 * <p>The carried state survives between calls to {@link #run}, so consecutive pieces of one
 * stream continue where the previous left off; {@link #reset()} starts a new stream from zeros.
 * Bidirectional layers are rejected: their backward direction would need the future of the
 * stream.
 */
public final class TruncatedBptt {

  /** Receives each chunk's output in order. */
  @FunctionalInterface
  public interface ChunkHandler {
    /**
     * Called once per chunk, in stream order.
     *
     * @param index the chunk's position in this call, from 0
     * @param output the layer's output on the chunk: its steps, and its final states (still
     *     attached to the chunk's graph)
     */
    void accept(int index, RecurrentOutput output);
  }

  private final RecurrentLayer layer;
  private final int chunkLength;
  private Tensor hidden;
  private Tensor cell;

  /**
   * @param layer a unidirectional layer ({@link Lstm}, {@link Gru} or {@link Rnn})
   * @param chunkLength steps per chunk (the truncation length), at least 1
   */
  public TruncatedBptt(RecurrentLayer layer, int chunkLength) {
    if (layer.options().bidirectional()) {
      throw new IllegalArgumentException(
          "truncated BPTT needs a unidirectional layer, got a bidirectional " + layer);
    }
    if (chunkLength < 1) {
      throw new IllegalArgumentException("chunkLength must be >= 1, got " + chunkLength);
    }
    this.layer = layer;
    this.chunkLength = chunkLength;
  }

  /**
   * Runs {@code x} chunk by chunk from the carried state, handing each chunk's output to {@code
   * handler}, and keeps the final state (detached) for the next call.
   *
   * @param x {@code [batch, time, input]} when the layer is batch-first, else {@code [time,
   *     batch, input]}; every sequence runs for the full {@code time}
   */
  public void run(Tensor x, ChunkHandler handler) {
    if (x.rank() != 3) {
      throw new IllegalArgumentException("x must have rank 3, got shape " + Shape.format(x.shape()));
    }
    int timeAxis = layer.options().batchFirst() ? 1 : 0;
    int time = x.dim(timeAxis);
    int batch = x.dim(1 - timeAxis);
    if (hidden != null && hidden.dim(1) != batch) {
      throw new IllegalArgumentException("the carried state is for a batch of " + hidden.dim(1)
          + " sequences, x has " + batch + "; call reset() to start a new stream");
    }
    for (int start = 0, index = 0; start < time; start += chunkLength, index++) {
      Tensor chunk = x.slice(timeAxis, start, Math.min(time, start + chunkLength));
      RecurrentOutput out = layer.run(chunk, null, hidden, cell);
      hidden = out.hN().detach();
      cell = out.cN() == null ? null : out.cN().detach();
      handler.accept(index, out);
    }
  }

  /** Forgets the carried state: the next {@link #run} starts from zeros. */
  public void reset() {
    hidden = null;
    cell = null;
  }

  /** The carried hidden state {@code [numLayers, batch, hidden]} (detached), or null. */
  public Tensor hiddenState() {
    return hidden;
  }

  /** The carried cell state of an LSTM (detached), or null. */
  public Tensor cellState() {
    return cell;
  }
}
