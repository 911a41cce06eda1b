package org.seqlearn.attention.dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.attention.seq2seq.DecoderInput;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.layers.decode.Hypothesis;

/** A tiny date translator learns in a few seconds; decoding, saving and loading. */
class DateTranslatorTest {

  @TempDir Path dir;

  @Test
  void tinyCourseModelLearns() {
    DateTranslator t = new DateTranslator(DecoderInput.CONTEXT, 8, 16, 3L);
    DateSplits splits = new DateSplits(2L, 20, 20);
    List<DateTrainer.Progress> progress = new ArrayList<>();
    new DateTrainer(t, splits, new DateTrainer.Settings(32, 0.02, 150, 50, 1.0, 5L))
        .train(progress::add);
    assertThat(progress).hasSize(3);
    // ln 11 = 2.40 is the loss of a uniform guess over the 11 characters; the tiny model gets
    // to about 1.0 in 150 steps of 32 dates
    assertThat(progress.get(0).loss()).isGreaterThan(1.8);
    assertThat(progress.get(2).loss()).isLessThan(1.25);
  }

  @Test
  void autoregressiveBeamSearchGivesNBestAndAttentionRows() {
    DateTranslator t = new DateTranslator(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 4, 8, 1L);
    List<List<Hypothesis>> n = t.translate(List.of("3 may 1979", "05/03/79"), 3, 3);
    assertThat(n).hasSize(2);
    for (List<Hypothesis> h : n) {
      assertThat(h).hasSize(3);
      assertThat(h.get(0).score()).isGreaterThanOrEqualTo(h.get(2).score());
      assertThat(h.get(0).tokens().length).isLessThanOrEqualTo(10);
    }
    float[][] w = t.attention("3 may 1979", "1979-05-03");
    assertThat(w.length).isEqualTo(11);
    assertThat(w[0].length).isEqualTo(10);
    float sum = 0;
    for (float v : w[4]) {
      sum += v;
    }
    assertThat(sum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
  }

  @Test
  void courseFormAlwaysEmitsTenCharacters() {
    DateTranslator t = new DateTranslator(DecoderInput.CONTEXT, 4, 8, 1L);
    List<String> out = t.translate(List.of("3 may 1979"), 2);
    assertThat(out.get(0)).hasSize(10);
  }

  @Test
  void saveAndLoadRoundTrip() throws Exception {
    DateTranslator t = new DateTranslator(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 4, 8, 1L);
    Path p = dir.resolve("m.safetensors");
    t.save(p);
    DateTranslator back = DateTranslator.load(p);
    assertThat(back.mode()).isEqualTo(t.mode());
    List<String> in = List.of("3 may 1979", "tuesday may 3 1979");
    assertThat(back.translate(in, 2)).isEqualTo(t.translate(in, 2));
    DateTranslator fromBytes = DateTranslator.load(Files.readAllBytes(p), "m");
    assertThat(fromBytes.translate(in, 1)).isEqualTo(t.translate(in, 1));
  }

  @Test
  void foreignFilesAreRejectedWithAMessage() throws Exception {
    Path p = dir.resolve("other.safetensors");
    Safetensors.write(p, Map.of("w", Tensor.zeros(2)), Map.of());
    assertThatThrownBy(() -> DateTranslator.load(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a date translator");
    Safetensors.write(p, Map.of("w", Tensor.zeros(2)), Map.of("decoder_input", "CONTEXT",
        "sizes", "99999,1", "source_chars", DateVocabulary.SOURCE_CHARS));
    assertThatThrownBy(() -> DateTranslator.load(p))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
  }
}
