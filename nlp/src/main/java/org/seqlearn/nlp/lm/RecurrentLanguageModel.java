package org.seqlearn.nlp.lm;

import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.ops.Ops;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.Module;
import org.seqlearn.layers.decode.StepDecoder;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentLayer;
import org.seqlearn.layers.recurrent.RecurrentOptions;
import org.seqlearn.layers.recurrent.RecurrentOutput;
import org.seqlearn.layers.recurrent.Rnn;
import org.seqlearn.layers.recurrent.RnnActivation;

/**
 * A recurrent language model, the course's P(y⟨1⟩, …, y⟨Ty⟩) as a product of per-step softmaxes:
 * each input token x⟨t⟩ is looked up in an embedding table, run through a stack of LSTM, GRU or
 * RNN layers, and projected to one score per vocabulary entry, ŷ⟨t⟩ = softmax(Wy a⟨t⟩ + by).
 *
 * <p>Parameters, by state-dict key (PyTorch's names):
 *
 * <ul>
 *   <li>{@code embedding.weight} {@code [V, E]}, uniform in ±0.1;
 *   <li>{@code rnn.weight_ih_l0}, {@code rnn.weight_hh_l0}, {@code rnn.bias_ih_l0}, ... of the
 *       recurrent layer (see {@link Lstm}, {@link Gru}, {@link Rnn});
 *   <li>{@code output.weight} Wy {@code [V, H]} (uniform in ±1/√H) and {@code output.bias} by
 *       {@code [V]} (zeros, so that an untrained model is close to uniform).
 * </ul>
 *
 * <p>With {@link LanguageModelConfig#dropout() dropout}, training mode zeroes random features
 * of the embeddings, of the outputs between stacked layers and of the last layer's outputs
 * (never the recurrent connections), with a seeded mask; evaluation mode uses every feature.
 *
 * <p>The embedding table and the output layer are this class's own parameters for now; they
 * have the key names of an {@code Embedding} and a {@code Linear} module so that those modules
 * can replace them without changing saved files.
 *
 * <p>As a {@link StepDecoder} it runs under the searches of {@code org.seqlearn.layers.decode}
 * (greedy, sampling, beam search), one batched step per output token; call {@link #eval()} first
 * so that dropout is off.
 *
 * <pre>{@code
 * var config = new LanguageModelConfig(30, 16, 128, 1, CellType.LSTM, 7);
 * var model = new RecurrentLanguageModel(config);
 * LanguageModelOutput out = model.forward(ids, lengths, null);   // ids [batch, time]
 * out.logits();                                                  // [batch, time, 30]
 * }</pre>
 */
public final class RecurrentLanguageModel extends Module
    implements StepDecoder<RecurrentState> {

  private final LanguageModelConfig config;
  private final Tensor embeddingWeight;
  private final RecurrentLayer rnn;
  private final Tensor outputWeight;
  private final Tensor outputBias;
  private final Rng dropoutRng;

  /** A freshly initialised model; the same config (seed included) gives the same weights. */
  public RecurrentLanguageModel(LanguageModelConfig config) {
    this.config = config;
    int v = config.vocabularySize();
    int h = config.hiddenSize();
    // separate streams for these weights, the recurrent layer's weights and the dropout masks
    Rng rng = Rng.split(config.seed(), 0);
    long rnnSeed = Rng.split(config.seed(), 1).nextLong();
    ParameterGroup embedding = registerModule("embedding", new ParameterGroup());
    embeddingWeight = embedding.add("weight",
        Tensor.uniform(-0.1f, 0.1f, rng, v, config.embeddingSize()));
    RecurrentOptions options = RecurrentOptions.defaults().batchFirst(true)
        .numLayers(config.numLayers()).dropout(config.dropout()).seed(rnnSeed);
    rnn = registerModule("rnn", switch (config.cell()) {
      case LSTM -> new Lstm(config.embeddingSize(), h, options);
      case GRU -> new Gru(config.embeddingSize(), h, options);
      case RNN -> new Rnn(config.embeddingSize(), h, RnnActivation.TANH, options);
    });
    ParameterGroup output = registerModule("output", new ParameterGroup());
    float k = (float) (1.0 / Math.sqrt(h));
    outputWeight = output.add("weight", Tensor.uniform(-k, k, rng, v, h));
    outputBias = output.add("bias", Tensor.zeros(v));
    dropoutRng = Rng.split(config.seed(), 2);
  }

  /** The configuration this model was built with. */
  public LanguageModelConfig config() {
    return config;
  }

  /** The vocabulary size {@code V}. */
  public int vocabularySize() {
    return config.vocabularySize();
  }

  /**
   * Runs a batch of token sequences (teacher forcing: the inputs are the true previous tokens).
   *
   * @param ids token ids {@code [batch, time]} in {@code [0, V)}
   * @param lengths the true length of each sequence {@code [batch]} (positions past it are
   *     padding and give meaningless logits), or null when all have length {@code time}
   * @param state the initial recurrent state with batch size {@code batch}, or null for zeros
   *     (a⟨0⟩ = 0)
   * @return logits {@code [batch, time, V]} and the final state
   * @throws IllegalArgumentException if {@code ids} is not of rank 2 or the state's shape does
   *     not match
   */
  public LanguageModelOutput forward(IntTensor ids, int[] lengths, RecurrentState state) {
    if (ids.rank() != 2) {
      throw new IllegalArgumentException("ids must be [batch, time], got "
          + Shape.format(ids.shape()));
    }
    int batch = ids.shape()[0];
    int time = ids.shape()[1];
    float p = config.dropout();
    Tensor x = Ops.embedding(embeddingWeight, ids).dropout(p, dropoutRng, isTraining());
    Tensor h0 = state == null ? null : state.h();
    Tensor c0 = state == null ? null : state.c();
    RecurrentOutput out;
    if (rnn instanceof Lstm lstm) {
      out = lstm.forward(x, lengths, h0, c0);
    } else if (rnn instanceof Gru gru) {
      out = gru.forward(x, lengths, h0);
    } else {
      out = ((Rnn) rnn).forward(x, lengths, h0);
    }
    Tensor a = out.output().dropout(p, dropoutRng, isTraining())
        .reshape(batch * time, config.hiddenSize());
    Tensor logits = a.matmul(outputWeight, false, true).add(outputBias);
    return new LanguageModelOutput(logits.reshape(batch, time, config.vocabularySize()),
        new RecurrentState(out.hN(), out.cN()));
  }

  /**
   * One step of one sequence: feeds {@code token} from {@code state} (null for a⟨0⟩ = 0).
   *
   * @return logits {@code [1, 1, V]} of the next token and the state after this step
   */
  public LanguageModelOutput step(int token, RecurrentState state) {
    return forward(IntTensor.of(new int[] {token}, 1, 1), null, state);
  }

  /**
   * The state a⟨0⟩ = 0 (and c⟨0⟩ = 0 for an LSTM) of {@code rows} sequences, outside the
   * autograd graph.
   */
  public RecurrentState initialState(int rows) {
    int layers = config.numLayers();
    int h = config.hiddenSize();
    return new RecurrentState(Tensor.zeros(layers, rows, h),
        config.cell() == CellType.LSTM ? Tensor.zeros(layers, rows, h) : null);
  }

  /**
   * One step of every row, as a {@link StepDecoder}: feeds {@code lastTokens} and writes the
   * log-softmax of the next token's logits.
   *
   * @param state {@code rows} sequences' states (see {@link #initialState})
   * @param lastTokens {@code [rows]}
   * @param logProbs receives log P(next token) {@code [rows, V]}
   * @return the state after this step
   */
  @Override
  public RecurrentState step(RecurrentState state, int[] lastTokens, float[] logProbs) {
    LanguageModelOutput out = stepLogits(state, lastTokens);
    float[] lp = out.logits().logSoftmax(2).toArray();
    System.arraycopy(lp, 0, logProbs, 0, lp.length);
    return out.state();
  }

  /** One step of every row: logits {@code [rows, 1, V]} of the next token and the new state. */
  LanguageModelOutput stepLogits(RecurrentState state, int[] lastTokens) {
    if (lastTokens.length != state.rows()) {
      throw new IllegalArgumentException("expected " + state.rows() + " last tokens, got "
          + lastTokens.length);
    }
    return forward(IntTensor.of(lastTokens, lastTokens.length, 1), null, state);
  }

  @Override
  public String toString() {
    return "RecurrentLanguageModel(V=" + config.vocabularySize() + ", E="
        + config.embeddingSize() + ", " + rnn + ", output " + config.hiddenSize() + " -> "
        + config.vocabularySize() + ")";
  }

  /** A module that only holds parameters (stands in for {@code Embedding} and {@code Linear}). */
  private static final class ParameterGroup extends Module {
    Tensor add(String name, Tensor value) {
      return registerParameter(name, value);
    }
  }
}
