package org.seqlearn.audio.ctc.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.Fixtures;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link ArpaReader} with the project's {@link MutationFuzzer}: every
 * mutated ARPA file (bigram and trigram, Kneser-Ney and Witten-Bell) either reads or fails with an
 * {@link ArpaFormatException} naming its line; nothing else escapes, nothing allocates far beyond
 * the input, nothing hangs.
 */
class ArpaReaderFuzzTest {

  @Test
  void arpaFiles() throws IOException {
    StringWriter kn = new StringWriter();
    ArpaWriter.write(CharTokens.train(Fixtures.path("ctc/lm_corpus.txt"), 2, Smoothing.KNESER_NEY,
        0.1), kn);
    StringWriter wb = new StringWriter();
    ArpaWriter.write(CharTokens.train(Fixtures.path("ctc/lm_corpus.txt"), 3,
        Smoothing.WITTEN_BELL, 0.1), wb);
    List<byte[]> seeds = List.of(kn.toString().getBytes(StandardCharsets.UTF_8),
        wb.toString().getBytes(StandardCharsets.UTF_8));
    MutationFuzzer.Report r = MutationFuzzer.run("ARPA", seeds, 1504, 600,
        input -> ArpaReader.read(new ByteArrayInputStream(input), 100_000),
        e -> e instanceof ArpaFormatException a && a.line() > 0
            && a.getMessage().startsWith("malformed ARPA file at line "));
    System.out.println("fuzz " + r);
    assertThat(r.rejected()).isPositive();
  }
}
