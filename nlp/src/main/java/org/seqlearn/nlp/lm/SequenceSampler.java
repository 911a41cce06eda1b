package org.seqlearn.nlp.lm;

import java.util.Arrays;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.random.Rng;

/**
 * Generates novel sequences from a {@link RecurrentLanguageModel} one token at a time, as in the
 * course: start from ⟨EOS⟩ and a⟨0⟩ = 0, draw y⟨t⟩ from the next-token distribution, feed it back
 * as the next input with the recurrent state carried over (the final states of one step are the
 * initial states of the next), and stop at ⟨EOS⟩ or after {@code maxLength} tokens.
 *
 * <!-- given: RecurrentLanguageModel model, int eosId, int padId -->
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
    this.excluded = excluded.clone();
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
    int[] out = new int[options.maxLength()];
    int n = 0;
    boolean ended = false;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      LanguageModelOutput step = model.step(eosId, null);
      for (int id : prefix) {
        step = model.step(id, step.state());
      }
      for (int t = 0; t < options.maxLength(); t++) {
        float[] logits = step.logits().toArray();
        int token = NextTokenDistribution.sample(
            NextTokenDistribution.probabilities(logits, options, excluded), rng);
        if (observer != null) {
          observer.onStep(t, logits, token);
        }
        if (token == eosId) {
          ended = true;
          break;
        }
        out[n++] = token;
        step = model.step(token, step.state());
      }
    } finally {
      model.train(wasTraining);
    }
    return new Sample(Arrays.copyOf(out, n), ended);
  }
}
