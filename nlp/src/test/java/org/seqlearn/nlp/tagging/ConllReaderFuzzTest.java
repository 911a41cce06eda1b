package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.io.MutationFuzzer;

/**
 * Seeded mutation fuzzing of {@link ConllReader}: every mutated file either reads or fails with
 * the documented {@link IllegalArgumentException} (malformed line, invalid UTF-8, over-long line);
 * nothing else escapes, nothing allocates far beyond the input, nothing hangs.
 */
class ConllReaderFuzzTest {

  @Test
  void conllFiles() {
    List<byte[]> seeds = List.of(
        ("Harry B-PER\nPotter I-PER\nand O\nHermione B-PER\nGranger I-PER\n\n"
            + "invented O\na O\nnew O\nspell O\n").getBytes(StandardCharsets.UTF_8),
        ("-DOCSTART- O\n\nNew\tNNP\tB-LOC\nYork\tNNP\tI-LOC\n \t \n\uD800\uDF48\tSYM\tO\n")
            .getBytes(StandardCharsets.UTF_8));
    ConllReader reader = new ConllReader().withMaxLineBytes(4096);
    MutationFuzzer.Report r = MutationFuzzer.run("CoNLL", seeds, 16, 3000,
        input -> reader.read(new ByteArrayInputStream(input), "fuzz.conll"),
        e -> e instanceof IllegalArgumentException && e.getMessage().startsWith("fuzz.conll:"));
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
