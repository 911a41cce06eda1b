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
 * @param dropout in training mode, the probability of zeroing each feature of the embeddings,
 *     of the outputs between stacked layers and of the last layer's a⟨t⟩, in {@code [0, 1)}
 * @param seed seed of the initial weights and of the dropout masks
 */
public record LanguageModelConfig(int vocabularySize, int embeddingSize, int hiddenSize,
    int numLayers, CellType cell, float dropout, long seed) {

  /** Without dropout. */
  public LanguageModelConfig(int vocabularySize, int embeddingSize, int hiddenSize,
      int numLayers, CellType cell, long seed) {
    this(vocabularySize, embeddingSize, hiddenSize, numLayers, cell, 0f, seed);
  }

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
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (cell == null) {
      throw new IllegalArgumentException("cell must not be null");
    }
  }
}
