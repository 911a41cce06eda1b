package org.seqlearn.nlp.lm;

/**
 * The shape of a {@link RecurrentLanguageModel}: embedding → recurrent layers → linear output
 * layer → softmax over the vocabulary.
 *
 * @param vocabularySize {@code V}, the number of token ids (specials included), ≥ 2
 * @param embeddingSize {@code E}, the features of one input token, ≥ 1
 * @param hiddenSize {@code H}, the size of a⟨t⟩ (and c⟨t⟩ of an LSTM), ≥ 1
 * @param numLayers stacked recurrent layers, ≥ 1
 * @param cell LSTM, GRU or RNN
 * @param seed seed of the initial weights
 */
public record LanguageModelConfig(int vocabularySize, int embeddingSize, int hiddenSize,
    int numLayers, CellType cell, long seed) {

  /** Validates every field. */
  public LanguageModelConfig {
    if (vocabularySize < 2) {
      throw new IllegalArgumentException("vocabularySize must be >= 2, got " + vocabularySize);
    }
    if (embeddingSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException("embeddingSize and hiddenSize must be >= 1, got "
          + embeddingSize + " and " + hiddenSize);
    }
    if (numLayers < 1) {
      throw new IllegalArgumentException("numLayers must be >= 1, got " + numLayers);
    }
    if (cell == null) {
      throw new IllegalArgumentException("cell must not be null");
    }
  }
}
