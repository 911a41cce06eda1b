package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsFormatException;

class TaggerFileTest {

  private static final List<TaggedSentence> DATA = List.of(
      new TaggedSentence(List.of("Harry", "Potter", "lives", "here"),
          List.of("B-person", "I-person", "O", "O")),
      new TaggedSentence(List.of("in", "London", "\ttab\\"), List.of("O", "B-location", "O")),
      new TaggedSentence(List.of("Ünïcode", "words", "x"), List.of("B-person", "O", "O")));

  private static TaggerOptions options(TaggerEncoder e, boolean crf) {
    return new TaggerOptions(e.words().size(), e.chars().size(), e.tags().size(), 4, 3, 5, 3,
        6, 2, 0.25f, crf, 11);
  }

  @Test
  void aSavedAndLoadedTaggerTagsIdentically(@TempDir Path dir) throws Exception {
    for (boolean crf : new boolean[] {false, true}) {
      TaggerEncoder encoder = TaggerEncoder.fit(DATA, 1, 8);
      BiLstmTagger tagger = new BiLstmTagger(options(encoder, crf));
      tagger.eval();
      Path file = dir.resolve("m" + crf + ".safetensors");
      TaggerFile.save(file, tagger, encoder);
      TaggerFile.Loaded back = TaggerFile.load(file);
      assertThat(back.tagger().options()).isEqualTo(tagger.options());
      assertThat(back.encoder().words().tokens()).isEqualTo(encoder.words().tokens());
      assertThat(back.encoder().chars().tokens()).isEqualTo(encoder.chars().tokens());
      assertThat(back.encoder().tags()).isEqualTo(encoder.tags());
      assertThat(back.encoder().maxWordChars()).isEqualTo(8);
      TaggerBatch batch = encoder.encode(DATA, false);
      TaggerBatch batchBack = back.encoder().encode(DATA, false);
      assertThat(batchBack.wordIds().toArray()).isEqualTo(batch.wordIds().toArray());
      assertThat(batchBack.charIds().toArray()).isEqualTo(batch.charIds().toArray());
      assertThat(back.tagger().emissions(batchBack).data())
          .isEqualTo(tagger.emissions(batch).data());
      assertThat(back.tagger().predict(batchBack)).isDeepEqualTo(tagger.predict(batch));
    }
  }

  @Test
  void metadataClaimingHugeSizesIsRefusedBeforeBuilding(@TempDir Path dir) throws Exception {
    TaggerEncoder encoder = TaggerEncoder.fit(DATA, 1, 8);
    Path file = dir.resolve("m.safetensors");
    TaggerFile.save(file, new BiLstmTagger(options(encoder, true)), encoder);
    SafetensorsContent st = Safetensors.read(file);
    Map<String, String> meta = new LinkedHashMap<>(st.metadata());
    meta.put("seqlearn.tagger.options", meta.get("seqlearn.tagger.options")
        .replace("hidden=6", "hidden=2000000000"));
    Map<String, Tensor> tensors = st.floatTensors();
    Path hostile = dir.resolve("hostile.safetensors");
    Safetensors.write(hostile, tensors, meta);
    assertThatThrownBy(() -> TaggerFile.load(hostile))
        .isInstanceOf(SafetensorsFormatException.class)
        .hasMessageContaining("encoder.weight_ih_l0");
  }

  @Test
  void aFileWithoutTaggerMetadataIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plain.safetensors");
    new BiLstmTagger(new TaggerOptions(3, 3, 2, 2, 2, 0, 1, 2, 1, 0f, false, 1)).save(file);
    assertThatThrownBy(() -> TaggerFile.load(file))
        .isInstanceOf(SafetensorsFormatException.class)
        .hasMessageContaining("not a seqlearn tagger file");
    assertThat(Files.size(file)).isPositive();
  }
}
