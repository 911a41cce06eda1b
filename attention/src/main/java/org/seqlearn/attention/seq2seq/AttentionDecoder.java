package org.seqlearn.attention.seq2seq;

import org.seqlearn.attention.AdditiveAttention;
import org.seqlearn.attention.Attention;
import org.seqlearn.attention.AttentionMemory;
import org.seqlearn.attention.AttentionResult;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.nn.Embedding;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.recurrent.LstmCell;

/**
 * The decoder step module of an attention model: at output step t the attention, queried with the
 * post-attention LSTM's previous state s⟨t−1⟩, gives the context c⟨t⟩; the LSTM consumes c⟨t⟩
 * (and, autoregressively, the embedding of y⟨t−1⟩) and gives s⟨t⟩; a dense layer maps s⟨t⟩ to the
 * scores of the V output tokens. The LSTM starts from zero states, as in the course.
 *
 * <p>Sub-modules: {@code attention} (when it has parameters), {@code cell} (an {@link LstmCell}),
 * {@code output} (a {@link Linear}) and, autoregressive only, {@code embedding}.
 */
public final class AttentionDecoder extends Module {

  private final DecoderInput input;
  private final Attention attention;
  private final LstmCell cell;
  private final Linear output;
  private final Embedding embedding;
  private final int memoryFeatures;

  /**
   * A decoder with the course's additive attention (dense(10, tanh) → dense(1, relu)).
   *
   * @param memoryFeatures features of one encoder output a⟨t′⟩
   * @param hidden units of the post-attention LSTM
   * @param vocabulary V, the output tokens
   * @param embeddingDim features of a previous-token embedding (ignored for {@link
   *     DecoderInput#CONTEXT})
   */
  public AttentionDecoder(DecoderInput input, int memoryFeatures, int hidden, int vocabulary,
      int embeddingDim, long seed) {
    this(input, new AdditiveAttention(hidden, memoryFeatures, seed), memoryFeatures, hidden,
        vocabulary, embeddingDim, seed);
  }

  /**
   * @param attention any attention whose queries have {@code hidden} features and whose memory
   *     has {@code memoryFeatures}; registered as a sub-module when it is a {@link Module}
   */
  public AttentionDecoder(DecoderInput input, Attention attention, int memoryFeatures, int hidden,
      int vocabulary, int embeddingDim, long seed) {
    this.input = input;
    this.memoryFeatures = memoryFeatures;
    this.attention = attention;
    if (attention instanceof Module m) {
      registerModule("attention", m);
    }
    boolean autoregressive = input == DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT;
    embedding = autoregressive
        ? registerModule("embedding", new Embedding(vocabulary, embeddingDim,
            Embedding.NO_PADDING, seed + 11)) : null;
    int cellInput = memoryFeatures + (autoregressive ? embeddingDim : 0);
    cell = registerModule("cell", new LstmCell(cellInput, hidden, true, seed + 12));
    output = registerModule("output", new Linear(hidden, vocabulary, true, seed + 13));
  }

  /** What the cell is fed. */
  public DecoderInput input() {
    return input;
  }

  /** The attention. */
  public Attention attention() {
    return attention;
  }

  /** Units of the post-attention LSTM. */
  public int hidden() {
    return cell.hiddenSize();
  }

  /** V, the output tokens. */
  public int vocabulary() {
    return output.outFeatures();
  }

  /** Prepares encoder outputs {@code [batch, Tx, memoryFeatures]} for the attention. */
  public AttentionMemory prepare(Tensor memory, int[] lengths) {
    if (memory.rank() != 3 || memory.dim(2) != memoryFeatures) {
      throw new IllegalArgumentException("decoder memory must be [batch, Tx, " + memoryFeatures
          + "], got " + Shape.format(memory.shape()));
    }
    return attention.prepare(memory, lengths);
  }

  /** Zero states for every row of {@code memory}. */
  public AttentionDecoderState start(AttentionMemory memory) {
    int rows = memory.batch();
    return new AttentionDecoderState(Tensor.zeros(rows, hidden()), Tensor.zeros(rows, hidden()),
        memory);
  }

  /**
   * Runs Ty steps (teacher forcing when autoregressive).
   *
   * @param memory the prepared source, {@code batch} rows
   * @param previousTokens autoregressive: y⟨t−1⟩ of every step {@code [batch, Ty]} (the start
   *     token, then the reference shifted by one); null for {@link DecoderInput#CONTEXT}
   * @param steps Ty
   * @return logits {@code [batch, Ty, V]} and weights {@code [batch, Ty, Tx]}
   */
  public DecoderOutput forward(AttentionMemory memory, IntTensor previousTokens, int steps) {
    int batch = memory.batch();
    Tensor embedded = null;
    if (embedding != null) {
      if (previousTokens == null || previousTokens.rank() != 2
          || previousTokens.shape()[0] != batch || previousTokens.shape()[1] != steps) {
        throw new IllegalArgumentException("an autoregressive decoder needs previous tokens ["
            + batch + ", " + steps + "], got " + (previousTokens == null ? "null"
            : Shape.format(previousTokens.shape())));
      }
      embedded = embedding.forward(previousTokens);
    }
    AttentionDecoderState state = start(memory);
    Tensor[] states = new Tensor[steps];
    Tensor[] weights = new Tensor[steps];
    for (int t = 0; t < steps; t++) {
      Tensor previous = embedded == null ? null
          : embedded.slice(1, t, t + 1).reshape(batch, embedding.embeddingDim());
      Tensor[] next = step(state, previous);
      state = new AttentionDecoderState(next[0], next[1], memory);
      states[t] = next[0];
      weights[t] = next[2];
    }
    Tensor logits = output.forward(Ops.stack(1, states));
    return new DecoderOutput(logits, Ops.concat(1, weights));
  }

  /**
   * One step.
   *
   * @param previous the embedding of y⟨t−1⟩ {@code [rows, embeddingDim]}, or null for CONTEXT
   * @return {@code {s⟨t⟩ [rows, hidden], c⟨t⟩ [rows, hidden], α⟨t⟩ [rows, 1, Tx]}}
   */
  private Tensor[] step(AttentionDecoderState state, Tensor previous) {
    int rows = state.rows();
    AttentionResult r = attention.attend(state.hidden().reshape(rows, 1, hidden()),
        state.memory());
    Tensor context = r.context().reshape(rows, memoryFeatures);
    Tensor x = previous == null ? context : Ops.concat(1, previous, context);
    Tensor[] hc = cell.forward(x, state.hidden(), state.cell());
    return new Tensor[] {hc[0], hc[1], r.weights()};
  }

  /**
   * What one inference step gives.
   *
   * @param state the rows' states after the step
   * @param logProbs log P(y⟨t⟩ | x, y⟨&lt;t⟩), {@code [rows, V]}
   * @param weights α⟨t,t′⟩ of the step, {@code [rows, 1, Tx]}
   */
  record Step(AttentionDecoderState state, Tensor logProbs, Tensor weights) {}

  /** One inference step from the rows' states and last tokens (ignored for CONTEXT). */
  Step inferenceStep(AttentionDecoderState state, int[] lastTokens) {
    Tensor previous = embedding == null ? null : embedding.forward(IntTensor.vector(lastTokens));
    Tensor[] out = step(state, previous);
    return new Step(new AttentionDecoderState(out[0], out[1], state.memory()),
        output.forward(out[0]).logSoftmax(-1), out[2]);
  }
}
