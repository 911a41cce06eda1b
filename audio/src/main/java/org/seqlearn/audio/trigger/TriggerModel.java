package org.seqlearn.audio.trigger;

import org.seqlearn.core.Shape;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.nn.BatchNorm1d;
import org.seqlearn.layers.nn.Conv1d;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.nn.Layer;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.nn.TimeDistributed;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.GruForm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * The course's trigger-word model: Conv1D(196, kernel 15, stride 4) → batch norm → ReLU → dropout →
 * GRU(128) → dropout → batch norm → GRU(128) → dropout → batch norm → dropout → time-distributed
 * dense(1). {@link #forward} returns the logits; {@link #probabilities} applies the sigmoid. Train
 * with {@code BceWithLogitsLoss} per output step (the same as sigmoid then binary cross-entropy,
 * computed stably).
 *
 * <p><b>Dropout rate.</b> The course's Keras {@code Dropout(0.8)} <em>drops</em> 80 % of the
 * activations. The project's {@link Dropout} takes PyTorch's drop probability {@code p}, so {@code
 * dropout = 0.8} here means the same thing: 80 % dropped, survivors scaled by 5, identity in eval
 * mode.
 *
 * <p><b>Batch norm</b> uses Keras's defaults (eps 1e-3, momentum 0.99, i.e. PyTorch momentum 0.01)
 * and normalises each channel over batch and time, as Keras's {@code BatchNormalization()} does on
 * {@code [batch, time, channels]}.
 *
 * <p><b>GRU form.</b> {@link GruForm#COURSE} (reset gate before the hidden matmul, Keras's {@code
 * reset_after=False}) or {@link GruForm#PYTORCH}. In the course form {@code bias_ih} and {@code
 * bias_hh} are added together before every nonlinearity, so they are one bias; this model keeps
 * {@code bias_hh} at zero and frozen ({@code requiresGrad = false}), leaving exactly Keras's
 * parameters. {@link #courseParameterCount()} counts as Keras's summary does (trainable parameters
 * plus batch-norm moving mean and variance): 522,561 for the course's sizes in the course form,
 * 523,329 in PyTorch's form (two independent biases per gate, as Keras's {@code reset_after=True}).
 *
 * <p>Shapes: input features {@code [batch, Tx, features]} (the course: {@code [batch, 5511, 101]});
 * output {@code [batch, Ty, 1]} with {@code Ty = ⌊(Tx − kernel) / stride⌋ + 1} (1375).
 */
public final class TriggerModel extends Layer {
  private final Conv1d conv;
  private final BatchNorm1d convNorm;
  private final Dropout convDropout;
  private final Gru gru1;
  private final Dropout gru1Dropout;
  private final BatchNorm1d gru1Norm;
  private final Gru gru2;
  private final Dropout gru2Dropout;
  private final BatchNorm1d gru2Norm;
  private final Dropout outDropout;
  private final TimeDistributed dense;
  private final int features;
  private final int kernel;
  private final int stride;

  /**
   * @param features input features per step (101)
   * @param filters convolution filters (196)
   * @param kernel convolution kernel width (15)
   * @param stride convolution stride (4)
   * @param hidden GRU units (128)
   * @param dropout drop probability of every dropout layer, in {@code [0, 1)} (the course: 0.8)
   * @param form GRU form
   * @param seed seed of the initial weights and dropout masks
   */
  public TriggerModel(
      int features,
      int filters,
      int kernel,
      int stride,
      int hidden,
      float dropout,
      GruForm form,
      long seed) {
    this.features = features;
    this.kernel = kernel;
    this.stride = stride;
    conv = registerModule("conv", new Conv1d(features, filters, kernel, stride, 0, 1, true, seed));
    convNorm = registerModule("conv_norm", kerasBatchNorm(filters));
    convDropout = registerModule("conv_dropout", new Dropout(dropout, seed + 1));
    gru1 = registerModule("gru1", gru(filters, hidden, form, seed + 2));
    gru1Dropout = registerModule("gru1_dropout", new Dropout(dropout, seed + 3));
    gru1Norm = registerModule("gru1_norm", kerasBatchNorm(hidden));
    gru2 = registerModule("gru2", gru(hidden, hidden, form, seed + 4));
    gru2Dropout = registerModule("gru2_dropout", new Dropout(dropout, seed + 5));
    gru2Norm = registerModule("gru2_norm", kerasBatchNorm(hidden));
    outDropout = registerModule("out_dropout", new Dropout(dropout, seed + 6));
    dense = registerModule("dense", new TimeDistributed(new Linear(hidden, 1, true, seed + 7)));
  }

  /** The course's sizes: 101 features, 196 filters, kernel 15, stride 4, 128 units, dropout 0.8. */
  public static TriggerModel course(GruForm form, long seed) {
    return new TriggerModel(101, 196, 15, 4, 128, 0.8f, form, seed);
  }

  private static BatchNorm1d kerasBatchNorm(int channels) {
    return new BatchNorm1d(channels, 1e-3f, 0.01f, true);
  }

  private static Gru gru(int in, int hidden, GruForm form, long seed) {
    Gru g = new Gru(in, hidden, form, RecurrentOptions.defaults().batchFirst(true).seed(seed));
    if (form == GruForm.COURSE) {
      Tensor b = g.namedParameters().get("bias_hh_l0");
      java.util.Arrays.fill(b.data(), 0f);
      b.requiresGrad(false);
    }
    return g;
  }

  /**
   * Logits per output step.
   *
   * @param x features {@code [batch, Tx, features]}
   * @return logits {@code [batch, Ty, 1]}
   */
  @Override
  public Tensor forward(Tensor x) {
    if (x.rank() != 3 || x.dim(2) != features || x.dim(1) < kernel) {
      throw new IllegalArgumentException(
          "TriggerModel: expected features [batch, Tx >= "
              + kernel
              + ", "
              + features
              + "], got "
              + Shape.format(x.shape()));
    }
    return recur(convolve(x), new Tensor[2]);
  }

  /**
   * The convolutional front: conv → batch norm → ReLU → dropout. Each output step depends only on
   * its {@code kernel} input steps, so a stream can be cut anywhere on a multiple of {@code
   * stride}.
   *
   * @param x features {@code [batch, Tx, features]}
   * @return {@code [batch, Ty, filters]}
   */
  Tensor convolve(Tensor x) {
    Tensor h = conv.forward(x.transpose(1, 2)); // [B, filters, Ty]
    return convDropout.forward(convNorm.forward(h).relu()).transpose(1, 2);
  }

  /**
   * The recurrent back: GRU → dropout → batch norm → GRU → dropout → batch norm → dropout → dense,
   * starting the GRUs from {@code state} and leaving their final states there.
   *
   * @param h {@code [batch, Ty, filters]} from {@link #convolve}
   * @param state two entries, the states {@code [1, batch, hidden]} of GRU 1 and 2 (null: zeros);
   *     replaced by the states after the last step
   * @return logits {@code [batch, Ty, 1]}
   */
  Tensor recur(Tensor h, Tensor[] state) {
    var r1 = gru1.forward(h, null, state[0]);
    state[0] = r1.hN();
    h = normaliseChannels(gru1Norm, gru1Dropout.forward(r1.output()));
    var r2 = gru2.forward(h, null, state[1]);
    state[1] = r2.hN();
    h = outDropout.forward(normaliseChannels(gru2Norm, gru2Dropout.forward(r2.output())));
    return dense.forward(h);
  }

  /**
   * {@code sigmoid(forward(x))}: the probability of "trigger just said", {@code [batch, Ty, 1]}.
   */
  public Tensor probabilities(Tensor x) {
    return forward(x).sigmoid();
  }

  /** Input features per step. */
  public int features() {
    return features;
  }

  /** Convolution kernel width in input steps. */
  public int kernel() {
    return kernel;
  }

  /** Convolution stride in input steps. */
  public int stride() {
    return stride;
  }

  /** Output steps for {@code tx} input steps: {@code ⌊(tx − kernel) / stride⌋ + 1}. */
  public int outputSteps(int tx) {
    return (tx - kernel) / stride + 1;
  }

  private static Tensor normaliseChannels(BatchNorm1d norm, Tensor btc) {
    return norm.forward(btc.transpose(1, 2)).transpose(1, 2);
  }

  /**
   * The parameter count as Keras's model summary reports it: every parameter that trains, plus the
   * batch-norm moving means and variances (Keras's non-trainable parameters). The frozen {@code
   * bias_hh} of the course-form GRUs is a constant zero and is not counted.
   */
  public long courseParameterCount() {
    long n = 0;
    for (Tensor p : parameters()) {
      n += p.requiresGrad() ? p.numel() : 0;
    }
    for (java.util.Map.Entry<String, Tensor> b : namedBuffers().entrySet()) {
      if (b.getKey().endsWith("running_mean") || b.getKey().endsWith("running_var")) {
        n += b.getValue().numel();
      }
    }
    return n;
  }

  /** Parameters that train (those with {@code requiresGrad}), for an optimiser. */
  public java.util.List<Tensor> trainableParameters() {
    return parameters().stream().filter(Tensor::requiresGrad).toList();
  }
}
