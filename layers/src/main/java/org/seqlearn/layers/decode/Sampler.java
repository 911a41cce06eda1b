package org.seqlearn.layers.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.random.Rng;

/**
 * Greedy decoding and sampling over a {@link StepDecoder}, batched: every output step is one
 * {@link StepDecoder#step} call for all sentences still running, and a sentence leaves the batch
 * when it emits the end token or reaches its maximum length (then it is cut, without an end
 * token).
 *
 * <p>Sampling draws exactly one {@code rng.nextDouble()} per running sentence per step, in
 * sentence order, whatever the options (also at temperature 0), and inverts the cumulative
 * distribution in id order, so the same options and generator state give the same samples.
 *
 * <p>The reported log-probabilities are those of the model's unfiltered distribution (temperature
 * 1, nothing excluded). A decoder whose {@link StepDecoder#normalised()} is false may write
 * unnormalised logits: greedy choice and the sampling distribution use only differences within a
 * row, and the log-probabilities are then computed from the row's log-sum-exp.
 *
 * <pre>{@code
 * Sampler sampler = new Sampler(SamplingOptions.defaults(EOS, EOS).topK(5));
 * List<Hypothesis> samples = sampler.sample(model, model.initialState(4), null, new Rng(42));
 * }</pre>
 */
public final class Sampler {

  /** Sees every step of every sentence (for tests and visualisations). */
  @FunctionalInterface
  public interface StepObserver {
    /**
     * @param step 0 for the first generated token
     * @param sentence the sentence, a row of the initial state
     * @param scores the decoder's row is {@code scores[offset, offset + V)} (a buffer reused by
     *     the next step: copy what you keep)
     * @param token the id chosen (the end token on the last step of an ended sentence)
     */
    void onStep(int step, int sentence, float[] scores, int offset, int token);
  }

  private final SamplingOptions options;

  /** A sampler with these options. */
  public Sampler(SamplingOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options must not be null");
    }
    this.options = options;
  }

  /** The options of this sampler. */
  public SamplingOptions options() {
    return options;
  }

  /**
   * Greedy decoding: at every step the most probable allowed token (ties: the lowest id); the
   * temperature and filters are ignored.
   *
   * @param initial the decoder state with one row per sentence ({@code [batch]} rows)
   * @param sourceLengths {@code [batch]}, or null when the maximum length is fixed
   * @return one hypothesis per sentence, scored by its log-probability
   */
  public <S extends DecoderState<S>> List<Hypothesis> greedy(StepDecoder<S> decoder, S initial,
      int[] sourceLengths) {
    return run(decoder, initial, sourceLengths, null, null);
  }

  /**
   * Draws one sample per sentence.
   *
   * @param initial the decoder state with one row per sentence ({@code [batch]} rows); repeat a
   *     row (with {@link DecoderState#select}) for several samples of one sentence
   * @param sourceLengths {@code [batch]}, or null when the maximum length is fixed
   * @param observer sees every step, or null
   * @return one hypothesis per sentence, scored by its log-probability under the model
   */
  public <S extends DecoderState<S>> List<Hypothesis> sample(StepDecoder<S> decoder, S initial,
      int[] sourceLengths, Rng rng, StepObserver observer) {
    if (rng == null) {
      throw new IllegalArgumentException("rng must not be null");
    }
    return run(decoder, initial, sourceLengths, rng, observer);
  }

  /** {@link #sample(StepDecoder, DecoderState, int[], Rng, StepObserver)} without observer. */
  public <S extends DecoderState<S>> List<Hypothesis> sample(StepDecoder<S> decoder, S initial,
      int[] sourceLengths, Rng rng) {
    return sample(decoder, initial, sourceLengths, rng, null);
  }

  private <S extends DecoderState<S>> List<Hypothesis> run(StepDecoder<S> decoder, S initial,
      int[] sourceLengths, Rng rng, StepObserver observer) {
    int batch = initial.rows();
    int v = decoder.vocabularySize();
    if (options.startToken() >= v || options.endToken() >= v) {
      throw new IllegalArgumentException("start and end tokens must be in [0, V = " + v
          + "), got " + options.startToken() + " and " + options.endToken());
    }
    int[] maxLength = options.maxLength().forBatch(batch, sourceLengths);
    SamplingDistribution distribution = SamplingDistribution.of(
        rng == null ? options.temperature(0) : options, v);
    int end = options.endToken();
    boolean normalised = decoder.normalised();
    Hypothesis[] out = new Hypothesis[batch];
    int[][] tokens = new int[batch][];
    float[][] tokenLogProbs = new float[batch][];
    double[] logProb = new double[batch];
    int[] active = new int[batch];
    int activeCount = 0;
    for (int s = 0; s < batch; s++) {
      tokens[s] = new int[maxLength[s]];
      tokenLogProbs[s] = new float[maxLength[s] + 1];
      if (maxLength[s] == 0) {
        out[s] = new Hypothesis(new int[0], false, 0, new float[0], 0);
      } else {
        active[activeCount++] = s;
      }
    }
    S state = activeCount == batch ? initial : initial.select(Arrays.copyOf(active, activeCount));
    int[] last = new int[activeCount];
    Arrays.fill(last, options.startToken());
    float[] scores = new float[activeCount * v];
    for (int t = 0; activeCount > 0; t++) {
      try (GradMode.Scope ignored = GradMode.noGrad()) {
        state = decoder.step(state, last, scores);
      }
      int kept = 0;
      int[] keptRows = new int[activeCount];
      for (int j = 0; j < activeCount; j++) {
        int s = active[j];
        int banned = end >= 0 && t < options.minLength() ? end : -1;
        double[] p = distribution.probabilities(scores, j * v, banned);
        int token = SamplingDistribution.draw(p, rng == null ? 0 : rng.nextDouble());
        float lp = normalised ? scores[j * v + token]
            : (float) logSoftmaxAt(scores, j * v, v, token);
        if (observer != null) {
          observer.onStep(t, s, scores, j * v, token);
        }
        tokenLogProbs[s][t] = lp;
        logProb[s] += lp;
        if (token == end) {
          out[s] = new Hypothesis(Arrays.copyOf(tokens[s], t), true, logProb[s],
              Arrays.copyOf(tokenLogProbs[s], t + 1), logProb[s]);
        } else {
          tokens[s][t] = token;
          if (t + 1 == maxLength[s]) {
            out[s] = new Hypothesis(tokens[s], false, logProb[s],
                Arrays.copyOf(tokenLogProbs[s], t + 1), logProb[s]);
          } else {
            active[kept] = s;
            last[kept] = token;
            keptRows[kept++] = j;
          }
        }
      }
      if (kept > 0 && kept < activeCount) {
        state = state.select(Arrays.copyOf(keptRows, kept));
        last = Arrays.copyOf(last, kept);
      }
      activeCount = kept;
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  /** {@code scores[offset + token]} minus the log-sum-exp of the row, in double. */
  static double logSoftmaxAt(float[] scores, int offset, int v, int token) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < v; i++) {
      max = Math.max(max, scores[offset + i]);
    }
    double total = 0;
    for (int i = 0; i < v; i++) {
      total += Math.exp(scores[offset + i] - max);
    }
    return scores[offset + token] - max - Math.log(total);
  }
}
