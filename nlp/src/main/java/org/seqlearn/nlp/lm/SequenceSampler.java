package org.seqlearn.nlp.lm;

import java.util.Arrays;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.decode.Hypothesis;
import org.seqlearn.layers.decode.Sampler;

/**
 * Generates novel sequences from a {@link RecurrentLanguageModel} one token at a time, as in the
 * course: start from ⟨EOS⟩ and a⟨0⟩ = 0, draw y⟨t⟩ from the next-token distribution, feed it back
 * as the next input with the recurrent state carried over (the final states of one step are the
 * initial states of the next), and stop at ⟨EOS⟩ or after {@code maxLength} tokens.
 *
 * <p>The loop and the distribution are those of {@link Sampler} in
 * {@code org.seqlearn.layers.decode}, which also samples batches of sequences and serves every
 * other autoregressive model; this class keeps the language model's single-sequence interface.
 *
 * <pre>{@code
 * SequenceSampler sampler = new SequenceSampler(model, eosId, padId);
 * Sample s = sampler.sample(SamplingOptions.defaults().withTopK(5), new Rng(42));
 * }</pre>
 */
public final class SequenceSampler {

  /** Sees the logits {@code [V]} each token is drawn from (for tests and visualisations). */
  @FunctionalInterface
  public interface StepObserver {
    /**
     * @param step 0 for the first generated token
     * @param logits the model's logits {@code [V]} at this step (a copy)
     * @param token the id drawn from them (⟨EOS⟩ on the last step of a complete sample)
     */
    void onStep(int step, float[] logits, int token);
  }

  private final RecurrentLanguageModel model;
  private final int eosId;
  private final int[] excluded;

  /**
   * @param eosId the ⟨EOS⟩ id: the first input, and the token that ends a sample
   * @param excluded ids never drawn, e.g. {@code <pad>} and {@code <unk>}; must not include
   *     {@code eosId}
   */
  public SequenceSampler(RecurrentLanguageModel model, int eosId, int... excluded) {
    int v = model.vocabularySize();
    if (eosId < 0 || eosId >= v) {
      throw new IllegalArgumentException("eosId must be in [0, " + v + "), got " + eosId);
    }
    for (int id : excluded) {
      if (id == eosId) {
        throw new IllegalArgumentException("the ⟨EOS⟩ id " + eosId + " cannot be excluded");
      }
    }
    this.model = model;
    this.eosId = eosId;
    // ids outside the vocabulary can never be drawn anyway
    this.excluded = Arrays.stream(excluded).filter(id -> id >= 0 && id < v).toArray();
  }

  /** A new sequence from scratch; the same options and rng state give the same sample. */
  public Sample sample(SamplingOptions options, Rng rng) {
    return sample(new int[0], options, rng, null);
  }

  /**
   * Continues {@code prefix} (teacher-forced from ⟨EOS⟩, then sampled).
   *
   * @param prefix ids that start the sequence (not repeated in the result); may be empty
   * @param observer sees every step's logits and draw, or null
   */
  public Sample sample(int[] prefix, SamplingOptions options, Rng rng, StepObserver observer) {
    boolean wasTraining = model.isTraining();
    model.eval();
    try {
      LogitStepDecoder decoder = new LogitStepDecoder(model);
      RecurrentState state = model.initialState(1);
      int start = eosId;
      float[] ignored = new float[model.vocabularySize()];
      try (GradMode.Scope noGrad = GradMode.noGrad()) {
        for (int id : prefix) {
          state = decoder.step(state, new int[] {start}, ignored);
          start = id;
        }
      }
      Sampler sampler = new Sampler(options.toDecodeOptions(eosId, excluded).startToken(start));
      Sampler.StepObserver seen = observer == null ? null
          : (step, sentence, scores, offset, token) -> observer.onStep(step,
              Arrays.copyOfRange(scores, offset, offset + model.vocabularySize()), token);
      Hypothesis h = sampler.sample(decoder, state, null, rng, seen).get(0);
      return new Sample(h.tokens(), h.ended());
    } finally {
      model.train(wasTraining);
    }
  }
}
