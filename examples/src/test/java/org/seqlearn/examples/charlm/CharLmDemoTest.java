package org.seqlearn.examples.charlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.lm.CellType;
import org.seqlearn.nlp.lm.SamplingOptions;

class CharLmDemoTest {

  @TempDir Path dir;

  private CharLmSettings tiny(Path text, CellType cell) {
    return new CharLmSettings(text, false, 0.25, 4, 8, 2, cell, 0.1f, 1, 4, 0.01, 1.0, 5,
        SamplingOptions.defaults().withTopK(3).withMaxLength(6), 4, null, false);
  }

  @Test
  void terminalProgressIsRedrawnInPlaceAndFileProgressIsOneLinePerEpoch() throws Exception {
    Path file = dir.resolve("names.txt");
    Files.writeString(file, "anna\nbob\ncarla\ndieter\nemma\nfrank\ngreta\nhans\n");
    StringWriter terminal = new StringWriter();
    new CharLmDemo(tiny(file, CellType.GRU), new PrintWriter(terminal), true).run();
    assertThat(terminal.toString()).contains("\repoch   1/1  training loss").contains("step 1/2");
    StringWriter log = new StringWriter();
    CharLmResult result = new CharLmDemo(tiny(file, CellType.RNN), new PrintWriter(log), false)
        .run();
    assertThat(log.toString()).doesNotContain("\r").doesNotContain("step ");
    assertThat(log.toString()).contains("model       RNN, embedding 4, hidden 8, 2 layers")
        .contains("top-k 3").contains("at most 6 characters");
    assertThat(result.corpusSize()).isEqualTo(8);
    assertThat(result.samples()).hasSize(4).allSatisfy(s -> assertThat(s.length()).isLessThan(7));
    assertThat(result.epochLoss()).hasSize(1);
    // two held-out names of 3 to 6 characters, each with its closing <eos>
    assertThat(result.heldOut().predictedTokens()).isBetween(2L * 4, 2L * 7);
  }
}
