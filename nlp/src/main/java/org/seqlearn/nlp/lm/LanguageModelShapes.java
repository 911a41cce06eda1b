package org.seqlearn.nlp.lm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.core.io.SafetensorsSource;

/**
 * The state-dict shapes a {@link RecurrentLanguageModel} of a given configuration has, computed
 * without building it, so that a file's claimed sizes can be checked against its stored tensors
 * before anything is allocated from them. Shapes are {@code long[]} so that a hostile
 * configuration cannot overflow them.
 */
final class LanguageModelShapes {

  private LanguageModelShapes() {}

  /** State-dict key → shape, in the model's order. */
  static Map<String, long[]> of(LanguageModelConfig c) {
    long v = c.vocabularySize();
    long e = c.embeddingSize();
    long h = c.hiddenSize();
    long gates = switch (c.cell()) {
      case LSTM -> 4;
      case GRU -> 3;
      case RNN -> 1;
    };
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put("embedding.weight", new long[] {v, e});
    for (int l = 0; l < c.numLayers(); l++) {
      shapes.put("rnn.weight_ih_l" + l, new long[] {gates * h, l == 0 ? e : h});
      shapes.put("rnn.weight_hh_l" + l, new long[] {gates * h, h});
      shapes.put("rnn.bias_ih_l" + l, new long[] {gates * h});
      shapes.put("rnn.bias_hh_l" + l, new long[] {gates * h});
    }
    shapes.put("output.weight", new long[] {v, h});
    shapes.put("output.bias", new long[] {v});
    return shapes;
  }

  /**
   * Checks that {@code stored} holds exactly the tensors of {@code config} with their shapes.
   *
   * @throws SafetensorsFormatException naming the first missing, extra or mis-shaped tensor
   */
  static void check(LanguageModelConfig config, SafetensorsSource stored, String what) {
    long tensors = 4L * config.numLayers() + 3;
    if (tensors != stored.names().size()) {
      throw new SafetensorsFormatException(what + ": a " + describe(config) + " has " + tensors
          + " tensors, the file holds " + stored.names().size());
    }
    Map<String, long[]> expected = of(config);
    if (!stored.names().containsAll(expected.keySet())) {
      var missing = new ArrayList<>(expected.keySet());
      missing.removeAll(stored.names());
      var extra = new ArrayList<>(stored.names());
      extra.removeAll(expected.keySet());
      throw new SafetensorsFormatException(what + ": expected the tensors of a " + describe(config)
          + ", missing " + missing + ", unexpected " + extra);
    }
    for (Map.Entry<String, long[]> x : expected.entrySet()) {
      long[] shape = Arrays.stream(stored.shape(x.getKey())).asLongStream().toArray();
      if (!Arrays.equals(shape, x.getValue())) {
        throw new SafetensorsFormatException(what + ": tensor '" + x.getKey() + "' has shape "
            + Arrays.toString(shape) + ", but the metadata (" + describe(config)
            + ") needs " + Arrays.toString(x.getValue()));
      }
    }
  }

  private static String describe(LanguageModelConfig c) {
    return c.cell().label() + " model with V=" + c.vocabularySize() + ", E="
        + c.embeddingSize() + ", H=" + c.hiddenSize() + ", " + c.numLayers() + " layer"
        + (c.numLayers() == 1 ? "" : "s");
  }
}
