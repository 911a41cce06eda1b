package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one-line reports: problems in words, and bugs told apart from bad input. */
class FailuresTest {

  @Command(name = "boom")
  static final class Throwing implements Callable<Integer> {
    private final Exception failure;

    Throwing(Exception failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }

  private final StringWriter err = new StringWriter();

  private int run(Exception failure) {
    CommandLine cli = SeqlearnCommand.withFailureReports(new CommandLine(new Throwing(failure)));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute();
  }

  @Test
  void aBugIsAnInternalErrorWithAHintToGetTheTrace() {
    int code = run(new NullPointerException("Cannot invoke \"String.length()\""));
    assertThat(code).isEqualTo(Failures.INTERNAL_ERROR).isNotEqualTo(Failures.BAD_INPUT);
    assertThat(err.toString().lines()).hasSize(1).first().asString()
        .startsWith("boom: internal error: NullPointerException: Cannot invoke")
        .contains("bug").contains("-Dseqlearn.debug=true").contains("SEQLEARN_DEBUG=1");
  }

  @Command(name = "hungry")
  static final class OutOfMemory implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void outOfMemoryIsOneLineToo() {
    CommandLine cli = SeqlearnCommand.withFailureReports(new CommandLine(new OutOfMemory()));
    cli.setErr(new PrintWriter(err, true));
    assertThat(SeqlearnCommand.execute(cli)).isEqualTo(Failures.INTERNAL_ERROR);
    assertThat(err.toString().lines()).hasSize(1).first().asString()
        .startsWith("hungry: out of memory (Java heap space)").contains("-Xmx");
  }

  @Test
  void theDebugPropertyPrintsTheStackTrace() {
    System.setProperty(Failures.DEBUG_PROPERTY, "true");
    try {
      assertThat(run(new IllegalStateException("broken invariant")))
          .isEqualTo(Failures.INTERNAL_ERROR);
    } finally {
      System.clearProperty(Failures.DEBUG_PROPERTY);
    }
    assertThat(err.toString()).contains("internal error: IllegalStateException")
        .contains("at org.seqlearn.examples.cli.FailuresTest");
  }

  @Test
  void badInputAndFailedRunsHaveTheirOwnCodes() {
    assertThat(run(new NoSuchFileException("/data/x.txt"))).isEqualTo(Failures.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("boom: /data/x.txt: no such file or directory"
        + System.lineSeparator());
    assertThat(Failures.exitCode(new org.seqlearn.layers.train.NonFiniteLossException(
        Float.NaN, 1, 2, 2))).isEqualTo(Failures.RUN_FAILED);
  }

  @Test
  void problemsAreDescribedInWordsWithoutClassNames() {
    assertThat(Failures.describe(new MalformedInputException(1)))
        .isEqualTo("invalid UTF-8 (a malformed sequence of 1 byte)");
    assertThat(Failures.describe(new EOFException()))
        .isEqualTo("unexpected end of file (truncated?)");
    assertThat(Failures.describe(new ZipException("Not in GZIP format")))
        .isEqualTo("not a valid gzip file (not in GZIP format)");
    assertThat(Failures.describe(new AccessDeniedException("/out/v.bin")))
        .isEqualTo("/out/v.bin: permission denied");
    assertThat(Failures.describe(new NumberFormatException("For input string: \"99999999999\"")))
        .isEqualTo("invalid number: \"99999999999\"");
    assertThat(Failures.describe(new UncheckedIOException("writing the checkpoint of epoch 3",
        new NoSuchFileException("/ckpt/best.safetensors"))))
        .isEqualTo("writing the checkpoint of epoch 3: /ckpt/best.safetensors: no such file or "
            + "directory");
    assertThat(Failures.describe(new IOException(new MalformedInputException(2))))
        .isEqualTo("invalid UTF-8 (a malformed sequence of 2 bytes)");
    assertThat(Failures.describe(new IOException("read failed: java.util.zip.ZipException: "
        + "invalid block type"))).isEqualTo("read failed: invalid block type");
    assertThat(Failures.describe(new IOException("two\nlines"))).isEqualTo("two lines");
  }
}
