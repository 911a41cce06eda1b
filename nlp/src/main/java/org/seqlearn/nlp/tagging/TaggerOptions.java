package org.seqlearn.nlp.tagging;

/**
 * The sizes of a {@link BiLstmTagger}.
 *
 * @param words word vocabulary size (id 0 is padding)
 * @param chars character vocabulary size (id 0 is padding)
 * @param tags number of output tags {@code K}
 * @param wordDim word embedding size
 * @param charDim character embedding size
 * @param charFilters filters of the character CNN (its output size per word); 0 for none
 * @param charKernel width of the character CNN's kernel (odd)
 * @param hidden hidden size of each direction of the BiLSTM
 * @param layers BiLSTM layers (1 or more)
 * @param dropout dropout on the BiLSTM input and output, in {@code [0, 1)}
 * @param crf whether the output layer is a linear-chain CRF (else per-token softmax)
 * @param seed seed of every initial weight and dropout mask
 */
public record TaggerOptions(int words, int chars, int tags, int wordDim, int charDim,
    int charFilters, int charKernel, int hidden, int layers, float dropout, boolean crf,
    long seed) {

  /** Checks the sizes. */
  public TaggerOptions {
    check("words", words, 1);
    check("chars", chars, 1);
    check("tags", tags, 1);
    check("wordDim", wordDim, 1);
    check("charDim", charDim, 1);
    check("charFilters", charFilters, 0);
    check("hidden", hidden, 1);
    check("layers", layers, 1);
    if (charKernel < 1 || charKernel % 2 == 0) {
      throw new IllegalArgumentException("tagger: charKernel must be odd and positive, got "
          + charKernel);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("tagger: dropout must be in [0, 1), got " + dropout);
    }
  }

  private static void check(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException("tagger: " + name + " must be >= " + min + ", got "
          + value);
    }
  }
}
