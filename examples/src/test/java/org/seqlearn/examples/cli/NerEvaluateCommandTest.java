package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seqlearn ner evaluate}: the conlleval report, and one-line errors. */
class NerEvaluateCommandTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = SeqlearnCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 2];
    all[0] = "ner";
    all[1] = "evaluate";
    System.arraycopy(args, 0, all, 2, args.length);
    return cli.execute(all);
  }

  private String file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p.toString();
  }

  @Test
  void printsTheConllevalReport() throws IOException {
    // Report from conlleval.pl (tools/gen_conlleval_fixtures.py case i_after_o).
    String gold = file("gold",
        "Harry I-PER\nPotter I-PER\nand O\nHermione B-PER\nGranger I-PER\n");
    String pred = file("pred",
        "Harry B-PER\nPotter I-PER\nand O\nHermione I-PER\nGranger I-PER\n");
    assertThat(run(gold, pred)).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(
        "processed 5 tokens with 2 phrases; found: 2 phrases; correct: 2.\n"
            + "accuracy:  60.00%; precision: 100.00%; recall: 100.00%; FB1: 100.00\n"
            + "              PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  2\n");
  }

  @Test
  void convertsBioesAndReadsOtherColumns() throws IOException {
    String gold = file("gold", "a\tNN\tS-PER\nb\tNN\tS-PER\nc\tNN\tO\n");
    String pred = file("pred", "a\tNN\tB-PER\nb\tNN\tE-PER\nc\tNN\tO\n");
    assertThat(run(gold, pred, "--separator", "\t", "--scheme", "BIOES")).isZero();
    assertThat(out.toString()).startsWith(
        "processed 3 tokens with 2 phrases; found: 1 phrases; correct: 0.\n");
    assertThat(run(gold, pred, "-d", "\t", "--tag-column", "1")).isZero();
    assertThat(out.toString()).startsWith("processed 3 tokens with 0 phrases;");
  }

  @Test
  void badInputIsOneLineAndNonZeroExit() throws IOException {
    String gold = file("gold", "a B-PER\nb I-PER\n");
    String[][] cases = {
        {gold, dir.resolve("missing").toString()},
        {gold, file("short", "a B-PER\n")},
        {gold, file("cols", "a B-PER\nb\n")},
        {gold, file("empty", "\n\n")},
        {gold, file("bad-scheme", "a B-PER\nb E-PER\n"), "--scheme", "BIO"},
        {gold, file("bad-utf8", "a O\n"), "--tag-column", "5"},
    };
    String[] expected = {"no such file", "expected 2 predicted tokens, got 1", "cols:2: expected 2"
        + " columns", "has no tokens", "bad-scheme:1: in the sentence starting here, tag 1"
        + " 'E-PER' is not a BIO tag", "expected columns 0 (token) and 5 (tag)"};
    for (int i = 0; i < cases.length; i++) {
      assertThat(run(cases[i])).as(cases[i][1]).isEqualTo(2);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString()).startsWith("ner evaluate: ").contains(expected[i])
          .hasLineCount(1);
    }
  }
}
