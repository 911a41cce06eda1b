package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.lm.LanguageModelFile;
import picocli.CommandLine;

class CharLmCommandTest {

  private static final String[] TINY = {"--epochs", "2", "--hidden", "16", "--embedding", "8",
      "--batch", "32", "--samples", "5", "--seed", "3"};

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = SeqlearnCommand.withFailureReports(new CommandLine(new CharLmCommand()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** The demo end to end on a tiny setting: every part of the report, and it learned. */
  @Test
  void tinyRunOnTheBuiltInCorpusReportsEverythingAndLearns() {
    assertThat(run(TINY)).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .containsPattern("corpus +\\d+ names built from the JDK")
        .containsPattern("split +\\d+ training, \\d+ held-out")
        .containsPattern("vocabulary +\\d+ ids")
        .contains("model       LSTM, embedding 8, hidden 16, 1 layer")
        .containsPattern("epoch +1/2 +training loss [0-9.]+ nats")
        .containsPattern("epoch +2/2 .* held-out [0-9.]+ bits/char")
        .containsPattern("samples +temperature 1.0, top-k off, top-p off")
        .containsPattern(" 5\\. \\S.* (novel|in the training names|a held-out name)")
        .doesNotContain(" 6. ")
        .containsPattern("novel +\\d of 5 samples")
        .containsPattern("time +[0-9.]+ s");
    double bits = number(text, "held-out +([0-9.]+) bits/char \\(perplexity");
    double uniform = number(text, "uniform guess: ([0-9.]+) bits/char");
    assertThat(bits).isLessThan(uniform - 0.5);
  }

  @Test
  void sameSeedSameOutput() {
    assertThat(run(TINY)).isZero();
    String first = withoutTimes(out.toString());
    out.getBuffer().setLength(0);
    assertThat(run(TINY)).isZero();
    assertThat(withoutTimes(out.toString())).isEqualTo(first);
  }

  private static String withoutTimes(String s) {
    return s.replaceAll("\\([0-9.]+ s\\)", "").replaceAll("time +[0-9.]+ s", "");
  }

  /** A text file of one repeated line: the model learns it almost perfectly. */
  @Test
  void repetitiveTextFileDrivesBitsPerCharacterNearZero() throws Exception {
    Path file = dir.resolve("abc.txt");
    Files.writeString(file, "ABCab\n".repeat(40));
    Path model = dir.resolve("abc.safetensors");
    assertThat(run("--text", file.toString(), "--lower-case", "--epochs", "25", "--hidden", "16",
        "--embedding", "8", "--batch", "4", "--lr", "0.03", "--dropout", "0", "--samples", "3",
        "--save", model.toString())).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).contains("corpus      40 lines of " + file + ", lower-cased")
        .contains("vocabulary  6 ids: <pad>, <unk>, <eos> and 3 characters");
    assertThat(number(text, "held-out +([0-9.]+) bits/char \\(perplexity")).isLessThan(0.05);
    assertThat(text).contains(" 1. abcab").contains(" 3. abcab")
        .contains("novel       0 of 3 samples");
    assertThat(LanguageModelFile.load(model).vocabulary().size()).isEqualTo(6);
  }

  /**
   * {@code --save} keeps the best model: the same run again (an equal score) does not replace it,
   * {@code --overwrite} does, and the score saved is the held-out score printed.
   */
  @Test
  void saveNeverReplacesAModelWithOneThatIsNotBetter() throws Exception {
    Path model = dir.resolve("names.safetensors");
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(TINY),
        java.util.stream.Stream.of("--save", model.toString())).toArray(String[]::new);
    assertThat(run(args)).as(err.toString()).isZero();
    double bits = number(out.toString(), "held-out +([0-9.]+) bits/char \\(perplexity");
    byte[] saved = Files.readAllBytes(model);
    String score;
    try (var f = org.seqlearn.core.io.Safetensors.open(model)) {
      score = f.metadata().get("seqlearn.charlm.held_out_bits_per_char");
    }
    assertThat(Double.parseDouble(score)).isCloseTo(bits, org.assertj.core.api.Assertions
        .within(5e-4));

    out.getBuffer().setLength(0);
    assertThat(run(args)).isEqualTo(Failures.RUN_FAILED);
    assertThat(err.toString().lines()).hasSize(1).first().asString()
        .startsWith("charlm: not saved to " + model + ": held-out ")
        .contains("is not better than its").contains("--overwrite");
    assertThat(Files.readAllBytes(model)).isEqualTo(saved);
    assertThat(out.toString()).doesNotContain("saved       ");

    err.getBuffer().setLength(0);
    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--overwrite";
    assertThat(run(forced)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("saved       " + model);
  }

  @Test
  void badOptionsAreRejectedWithTheValue() {
    assertThat(run("--cell", "transformer")).isNotZero();
    assertThat(err.toString()).contains("--cell: expected a cell type lstm, gru or rnn, got "
        + "'transformer'");
    assertThat(run("--top-p", "0")).isNotZero();
    assertThat(err.toString()).contains("--top-p must be in (0, 1], got 0.0");
    assertThat(run("--text", dir.resolve("missing.txt").toString())).isNotZero();
    assertThat(err.toString()).contains("--text " + dir.resolve("missing.txt") + ": no such file");
  }

  @Test
  void helpListsTheOptions() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: charlm").contains("--temperature")
        .contains("--top-k").contains("--top-p").contains("--save").contains("--cell");
  }
}
