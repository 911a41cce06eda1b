package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeqlearnCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = SeqlearnCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: seqlearn").contains("selfcheck");
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    assertThat(run("selfcheck", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: seqlearn selfcheck").contains("--size");
  }

  @Test
  void selfcheckReportsKernelsAndSpeed() {
    assertThat(run("selfcheck", "--size", "64", "--seconds", "0.05")).isZero();
    assertThat(out.toString())
        .contains("Active kernels")
        .contains("OK")
        .containsPattern("GEMM +64 x 64 x 64 float32: [0-9.]+ GFLOP/s");
  }

  @Test
  void badOptionsAreRejectedWithTheValue() {
    assertThat(run("selfcheck", "--size", "0")).isNotZero();
    assertThat(err.toString()).contains("--size must be in [1, 8192], got 0");
    assertThat(run("nosuchcommand")).isNotZero();
    assertThat(err.toString()).contains("nosuchcommand");
  }
}
