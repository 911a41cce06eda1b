package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code seqlearn ner train} then {@code ner tag} then {@code ner evaluate} on a toy task. */
class NerTrainTagCommandTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = SeqlearnCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static final String[] LOWER = {"the", "went", "to", "saw", "and", "with", "a", "big"};
  private static final String[] NAMES = {"Ann", "Bob", "Paris", "Rome", "Kim", "Oslo", "Lee"};

  /** A toy CoNLL file: capitalised words are entities of type X (B-X, then I-X). */
  private Path toy(String name, long seed, int n) throws IOException {
    Random rng = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < n; s++) {
      boolean inside = false;
      for (int t = 2 + rng.nextInt(6); t > 0; t--) {
        if (rng.nextInt(3) == 0) {
          text.append(NAMES[rng.nextInt(NAMES.length)]).append(inside ? " I-X\n" : " B-X\n");
          inside = true;
        } else {
          text.append(LOWER[rng.nextInt(LOWER.length)]).append(" O\n");
          inside = false;
        }
      }
      text.append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void trainTagAndEvaluate() throws IOException {
    Path train = toy("train.conll", 1, 120);
    Path dev = toy("dev.conll", 2, 40);
    Path model = dir.resolve("ner.safetensors");
    assertThat(run("ner", "train", "--train", train.toString(), "--dev", dev.toString(), "--out",
        model.toString(), "--epochs", "6", "--lr", "0.05", "--batch-size", "8", "--word-dim",
        "8", "--char-filters", "6", "--hidden", "8", "--dropout", "0", "--seed", "3"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("epoch 6").contains("saved the best dev epoch");

    Path text = dir.resolve("in.txt");
    Files.writeString(text, "the Ann went to Paris\n\nsaw Bob Kim .\n", StandardCharsets.UTF_8);
    assertThat(run("ner", "tag", "--model", model.toString(), "--format", "inline",
        text.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("the [Ann](X) went to [Paris](X)\nsaw [Bob Kim](X) .\n"
        .replace("\n", System.lineSeparator()));

    assertThat(run("ner", "tag", "--model", model.toString(), "--input", "conll",
        dev.toString())).as(err.toString()).isZero();
    Path predicted = dir.resolve("pred.conll");
    Files.writeString(predicted, out.toString(), StandardCharsets.UTF_8);
    assertThat(run("ner", "evaluate", dev.toString(), predicted.toString())).isZero();
    assertThat(out.toString()).containsPattern("FB1: +(9\\d|100)\\.\\d\\d");
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path notConll = dir.resolve("bad.conll");
    Files.writeString(notConll, "", StandardCharsets.UTF_8);
    assertThat(run("ner", "train", "--train", notConll.toString(), "--dev",
        notConll.toString(), "--out", dir.resolve("m").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("ner train: ").hasLineCount(1);

    Path notModel = dir.resolve("m.safetensors");
    Files.writeString(notModel, "garbage", StandardCharsets.UTF_8);
    assertThat(run("ner", "tag", "--model", notModel.toString(), notConll.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).startsWith("ner tag: ").hasLineCount(1);

    assertThat(run("ner", "tag", "--model", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("ner tag: no such file").hasLineCount(1);
  }

  @Test
  void pretrainedVectorsSetTheWordDimension() throws IOException {
    Path train = toy("train.conll", 1, 30);
    Path vectors = dir.resolve("v.txt");
    Files.writeString(vectors, "2 5\nann 1 0 0 0 1\nthe 0 1 0 0 1\n", StandardCharsets.UTF_8);
    Path model = dir.resolve("ner.safetensors");
    assertThat(run("ner", "train", "--train", train.toString(), "--dev", train.toString(),
        "--out", model.toString(), "--epochs", "1", "--vectors", vectors.toString(),
        "--hidden", "4", "--char-filters", "2", "--softmax"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("2 of ").contains("have a pretrained vector");
    Files.writeString(vectors, "2 5\nann 1 0\n", StandardCharsets.UTF_8);
    assertThat(run("ner", "train", "--train", train.toString(), "--dev", train.toString(),
        "--out", model.toString(), "--vectors", vectors.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("ner train: ").hasLineCount(1);
  }
}
