package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.nlp.vectors.WordPairResult;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine;

/**
 * {@code seqlearn similarity} on tiny files: it prints what the word-pair API (checked against
 * gensim in nlp's GensimParityTest) computes, with each option passed through.
 */
class SimilarityCommandTest {

  @TempDir static Path dir;
  static Path vectors;
  static Path wordsim;
  static Path men;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void writeFiles() throws IOException {
    vectors = Files.writeString(dir.resolve("v.txt"), "5 3\n"
        + "cat 1 0.2 0\ndog 0.9 0.3 0.1\ncar 0 1 0.2\nTruck 0.1 0.9 0.4\nsun 0.3 0.3 1\n");
    wordsim = Files.writeString(dir.resolve("ws.tsv"), "# Word 1\tWord 2\tHuman (mean)\n"
        + "cat\tdog\t8.5\ncar\ttruck\t8.0\ncat\tcar\t1.5\ndog\tsun\t2.0\ncar\tunicorn\t3.0\n");
    men = Files.writeString(dir.resolve("men.txt"), "word1 word2 score\n"
        + "cat dog 45\ncar truck 44\ncat car 6\ndog sun 10\ncar unicorn 3\n");
  }

  private int run(String... args) {
    CommandLine cli = SeqlearnCommand.withFailureReports(new CommandLine(new SeqlearnCommand()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String block(Path pairs, WordPairResult r) {
    return String.format(Locale.ROOT, "%s%n  Pearson correlation coefficient:  %.4f%n"
        + "  Spearman rank-order correlation:  %.4f%n"
        + "  Pairs with unknown words ratio:   %.1f%%  (%d known, %d unknown)%n", pairs,
        r.pearson(), r.spearman(), r.oovRatio(), r.pairsUsed(), r.pairsOov());
  }

  @Test
  void printsTheApiResultForEachFileWithDelimiterAndCaseOptions() throws IOException {
    WordVectors v = WordVectors.load(vectors, WordVectorFormat.WORD2VEC_TEXT);
    assertThat(run("similarity", vectors.toString(), wordsim.toString())).as(err.toString())
        .isZero();
    WordPairResult folded = v.evaluateWordPairs(wordsim, 300_000, true, "\t", false);
    assertThat(folded.pairsUsed()).isEqualTo(4);
    assertThat(out.toString()).isEqualTo(block(wordsim, folded))
        .contains("20.0%  (4 known, 1 unknown)");

    out.getBuffer().setLength(0);
    assertThat(run("similarity", vectors.toString(), men.toString(), wordsim.toString(),
        "--delimiter", " ", "--case-sensitive", "--restrict", "4")).as(err.toString())
        .isEqualTo(2);
    WordPairResult restricted = v.evaluateWordPairs(men, 4, false, " ", false);
    assertThat(restricted.pairsOov()).isEqualTo(3); // truck (case), sun (restrict), unicorn
    assertThat(out.toString()).isEqualTo(block(men, restricted));
    // with a space delimiter the tab-separated file has no valid line: one line, exit 2
    assertThat(err.toString()).contains("ws.tsv").contains("found none")
        .doesNotContain("\tat ");
  }

  @Test
  void spaceSeparatedMenFileWithHeaderAndDummy4unknown() throws IOException {
    WordVectors v = WordVectors.load(vectors, WordVectorFormat.WORD2VEC_TEXT);
    assertThat(run("similarity", vectors.toString(), men.toString(), "--delimiter", " ",
        "--case-sensitive", "--dummy4unknown")).as(err.toString()).isZero();
    WordPairResult r = v.evaluateWordPairs(men, 300_000, false, " ", true);
    // case-sensitive: 'truck' is not 'Truck'; both unknown pairs stay in with similarity 0
    assertThat(r.pairsOov()).isEqualTo(2);
    assertThat(out.toString()).isEqualTo(block(men, r)).contains("40.0%  (3 known, 2 unknown)");
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    assertThat(run("similarity", vectors.toString(), dir.resolve("missing.tsv").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("missing.tsv").doesNotContain("\tat ");
    err.getBuffer().setLength(0);
    assertThat(run("similarity", vectors.toString(), wordsim.toString(), "--restrict", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--restrict must be >= 1, got 0")
        .doesNotContain("\tat ");
  }
}
