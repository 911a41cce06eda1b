package org.seqlearn.nlp.lm;

import org.seqlearn.layers.decode.StepDecoder;

/**
 * A {@link RecurrentLanguageModel} seen by the sampler with its raw logits instead of
 * log-probabilities. Greedy choice and sampling depend only on differences within a row, so they
 * draw the same tokens, and the logits reach {@link SequenceSampler.StepObserver}s unchanged.
 * Not for beam search, which needs normalised rows: use the model itself there.
 */
final class LogitStepDecoder implements StepDecoder<RecurrentState> {

  private final RecurrentLanguageModel model;

  LogitStepDecoder(RecurrentLanguageModel model) {
    this.model = model;
  }

  @Override
  public int vocabularySize() {
    return model.vocabularySize();
  }

  /** Logits, not log-probabilities. */
  @Override
  public boolean normalised() {
    return false;
  }

  @Override
  public RecurrentState step(RecurrentState state, int[] lastTokens, float[] logProbs) {
    LanguageModelOutput out = model.stepLogits(state, lastTokens);
    float[] z = out.logits().toArray();
    System.arraycopy(z, 0, logProbs, 0, z.length);
    return out.state();
  }
}
