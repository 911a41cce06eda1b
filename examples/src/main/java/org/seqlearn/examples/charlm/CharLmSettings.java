package org.seqlearn.examples.charlm;

import java.nio.file.Path;
import org.seqlearn.nlp.lm.CellType;
import org.seqlearn.nlp.lm.SamplingOptions;

/**
 * Everything the {@code charlm} demo can be told.
 *
 * @param text a file with one sequence per line, or null for the built-in name corpus
 * @param lowerCase lower-case the text file's lines (the built-in corpus already is)
 * @param heldOutFraction share of the sequences held out for scoring, in {@code (0, 1)}
 * @param embeddingSize {@code E}, features per character
 * @param hiddenSize {@code H}, units of each recurrent layer
 * @param numLayers stacked recurrent layers
 * @param cell LSTM, GRU or RNN
 * @param dropout dropout probability on embeddings and layer outputs while training
 * @param epochs passes over the training names
 * @param batchSize names per step
 * @param learningRate Adam's learning rate
 * @param clipNorm the largest global gradient norm (0 = no clipping)
 * @param seed seeds the split, the weights and dropout, the batches and the samples (four
 *     independent streams drawn from it)
 * @param sampling temperature, top-k, top-p and maximum length of the samples
 * @param samples how many names to sample
 * @param save where to write the trained model (safetensors, atomically), or null
 * @param overwrite replace an existing {@code save} file even when its recorded held-out score
 *     is better (see {@link BestModelGuard}); a non-finite model is never saved
 */
public record CharLmSettings(Path text, boolean lowerCase, double heldOutFraction,
    int embeddingSize, int hiddenSize, int numLayers, CellType cell, float dropout, int epochs,
    int batchSize, double learningRate, double clipNorm, long seed, SamplingOptions sampling,
    int samples, Path save, boolean overwrite) {

  /** The demo's defaults: sized to train in well under two minutes on two cores. */
  public static CharLmSettings defaults() {
    return new CharLmSettings(null, false, 0.1, 32, 64, 1, CellType.LSTM, 0.2f, 15, 8, 0.01,
        5.0, 42, SamplingOptions.defaults(), 12, null, false);
  }
}
