package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.nlp.text.Vocabulary;
import org.seqlearn.nlp.text.VocabularyRoundTripTest;

/**
 * Regression tests of issue 13 for the language-model checkpoint: the vocabulary loads in its
 * stored id order with any count, and the metadata is checked against the stored tensors before
 * the model is built.
 */
class LanguageModelFileHostileTest {

  @TempDir Path dir;

  private static RecurrentLanguageModel model(int vocabularySize, CellType cell, int layers) {
    return new RecurrentLanguageModel(new LanguageModelConfig(vocabularySize, 3, 4, layers, cell,
        9));
  }

  @Test
  void everySavedVocabularyLoadsBackInIdOrderWithItsCounts() throws IOException {
    Random random = new Random(29);
    Path file = dir.resolve("lm.safetensors");
    for (int trial = 0; trial < 40; trial++) {
      Vocabulary v = VocabularyRoundTripTest.randomVocabulary(random);
      if (v.size() < 2) {
        continue;
      }
      LanguageModelFile.save(file, model(v.size(), CellType.RNN, 1), v);
      Vocabulary back = LanguageModelFile.load(file).vocabulary();
      assertThat(back.tokens()).as("trial %d", trial).isEqualTo(v.tokens());
      for (int id = 0; id < v.size(); id++) {
        assertThat(back.count(id)).as("trial %d id %d", trial, id).isEqualTo(v.count(id));
      }
    }
  }

  @Test
  void idsAreNotReSortedByCount() throws IOException {
    // the model's row 3 belongs to "rare" (count 0) and row 5 to "big" (count > 2^31 - 1)
    Vocabulary v = Vocabulary.of(List.of("<pad>", "<unk>", "<eos>", "rare", "mid", "big"),
        new long[] {0, 0, 0, 0, 5, 3_000_000_000L}, 3, "<unk>");
    Path file = dir.resolve("lm.safetensors");
    LanguageModelFile.save(file, model(6, CellType.GRU, 1), v);
    Vocabulary back = LanguageModelFile.load(file).vocabulary();
    assertThat(back.tokens()).containsExactly("<pad>", "<unk>", "<eos>", "rare", "mid", "big");
    assertThat(back.count(3)).isZero();
    assertThat(back.count(5)).isEqualTo(3_000_000_000L);
  }

  @Test
  void theShapesComputedFromAConfigAreTheModelsOwn() {
    for (CellType cell : CellType.values()) {
      for (int layers = 1; layers <= 3; layers++) {
        LanguageModelConfig c = new LanguageModelConfig(7, 3, 5, layers, cell, 1);
        Map<String, long[]> expected = LanguageModelShapes.of(c);
        Map<String, Tensor> actual = new RecurrentLanguageModel(c).stateDict();
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(actual.keySet());
        actual.forEach((k, t) -> assertThat(expected.get(k)).as(k)
            .isEqualTo(Arrays.stream(t.shape()).asLongStream().toArray()));
      }
    }
  }

  /** The saved file of a small model with some metadata entries replaced. */
  private Path withMetadata(Map<String, String> replaced) throws IOException {
    Vocabulary v = Vocabulary.builder().add(List.of("a", "b", "c")).build();
    Path good = dir.resolve("good.safetensors");
    LanguageModelFile.save(good, model(v.size(), CellType.LSTM, 1), v);
    SafetensorsContent st = Safetensors.read(good);
    Map<String, String> meta = new LinkedHashMap<>(st.metadata());
    meta.putAll(replaced);
    Path bad = dir.resolve("bad.safetensors");
    Safetensors.write(bad, st.floatTensors(), meta);
    return bad;
  }

  @Test
  void hugeSizesInTheMetadataFailBeforeTheModelIsBuilt() throws IOException {
    for (Map.Entry<String, String> e : Map.of("seqlearn.lm.hidden_size", "1000000000",
        "seqlearn.lm.embedding_size", "2147483647", "seqlearn.lm.num_layers", "2147483647")
        .entrySet()) {
      Path bad = withMetadata(Map.of(e.getKey(), e.getValue()));
      long before = allocated();
      assertThatThrownBy(() -> LanguageModelFile.load(bad))
          .isInstanceOf(SafetensorsFormatException.class)
          .hasMessageStartingWith(bad.toString())
          .hasMessageContaining("lstm model with V=6");
      assertThat(allocated() - before).as(e.getKey()).isLessThan(64L << 20);
    }
    Path layers = withMetadata(Map.of("seqlearn.lm.num_layers", "2"));
    assertThatThrownBy(() -> LanguageModelFile.load(layers))
        .hasMessageContaining("a lstm model with V=6, E=3, H=4, 2 layers has 11 tensors, the "
            + "file holds 7");
    Path hidden = withMetadata(Map.of("seqlearn.lm.hidden_size", "5"));
    assertThatThrownBy(() -> LanguageModelFile.load(hidden))
        .hasMessageContaining("tensor 'rnn.weight_ih_l0' has shape [16, 3], but the metadata "
            + "(lstm model with V=6, E=3, H=5, 1 layer) needs [20, 3]");
    Path number = withMetadata(Map.of("seqlearn.lm.hidden_size", "99999999999"));
    assertThatThrownBy(() -> LanguageModelFile.load(number))
        .hasMessageContaining("metadata 'seqlearn.lm.hidden_size': expected an integer in [1, "
            + "2147483647], found '99999999999'");
  }

  @Test
  void nonFiniteWeightsAreRejectedByDefault() throws IOException {
    Vocabulary v = Vocabulary.builder().add(List.of("a", "b")).build();
    RecurrentLanguageModel m = model(v.size(), CellType.RNN, 1);
    Map<String, Tensor> state = new LinkedHashMap<>(m.stateDict());
    state.put("output.bias", Tensor.wrap(new float[] {0, Float.NaN, 0, 0, 0}, 5));
    m.loadStateDict(state);
    Path file = dir.resolve("nan.safetensors");
    LanguageModelFile.save(file, m, v);
    assertThatThrownBy(() -> LanguageModelFile.load(file))
        .isInstanceOf(SafetensorsFormatException.class)
        .hasMessage(file + ": tensor 'output.bias' holds NaN at flat index 1; expected finite "
            + "weights (load with NonFinitePolicy.ALLOW or WARN to accept them)");
    assertThat(LanguageModelFile.load(file, NonFinitePolicy.ALLOW).model().stateDict()
        .get("output.bias").data()[1]).isNaN();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
