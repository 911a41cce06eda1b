package org.seqlearn.nlp.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.nlp.text.Vocabulary;

class LanguageModelFileTest {

  @TempDir Path dir;

  @Test
  void roundTripKeepsWeightsConfigAndVocabulary() throws Exception {
    Vocabulary vocabulary = Vocabulary.builder().add(List.of("a", "b", "a", "\\", "\t", "é"))
        .add(List.of("b", "b")).build();
    RecurrentLanguageModel m = new RecurrentLanguageModel(
        new LanguageModelConfig(vocabulary.size(), 4, 6, 2, CellType.GRU, 5));
    Path file = dir.resolve("lm.safetensors");
    LanguageModelFile.save(file, m, vocabulary);
    LanguageModelFile.Loaded loaded = LanguageModelFile.load(file);
    assertThat(loaded.vocabulary().tokens()).isEqualTo(vocabulary.tokens());
    assertThat(loaded.model().config()).isEqualTo(new LanguageModelConfig(vocabulary.size(), 4, 6,
        2, CellType.GRU, 0));
    Map<String, Tensor> expected = m.stateDict();
    Map<String, Tensor> actual = loaded.model().stateDict();
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k).toArray()).containsExactly(v.toArray()));
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      IntTensor ids = IntTensor.of(new int[] {2, 3, 4}, 1, 3);
      assertThat(loaded.model().forward(ids, null, null).logits().toArray())
          .containsExactly(m.forward(ids, null, null).logits().toArray());
    }
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void aFileWithoutLanguageModelMetadataIsRejected() throws Exception {
    Path file = dir.resolve("other.safetensors");
    Safetensors.write(file, Map.of("w", Tensor.zeros(2)), Map.of());
    assertThatThrownBy(() -> LanguageModelFile.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seqlearn.lm.vocabulary' is missing");
  }
}
