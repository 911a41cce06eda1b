package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shipped date translators through {@code seqlearn dates}. */
class DatesCommandTest {
  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = SeqlearnCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void shippedAutoregressiveModelTranslatesTheCoursesExamples() {
    assertThat(run("dates", "3 May 1979", "tuesday may 3 1979", "05/03/79", "3 mai 1979",
        "Tuesday 5 February 2008")).isZero();
    assertThat(out.toString()).contains("3 May 1979\t1979-05-03")
        .contains("tuesday may 3 1979\t1979-05-03").contains("05/03/79\t1979-03-05")
        .contains("3 mai 1979\t1979-05-03").contains("Tuesday 5 February 2008\t2008-02-05");
  }

  @Test
  void shippedCourseModelTranslates() {
    assertThat(run("dates", "--form", "course", "--beam", "1", "30 de septiembre de 2049",
        "donnerstag, 31. dezember 1964")).isZero();
    assertThat(out.toString()).contains("\t2049-09-30").contains("\t1964-12-31");
  }

  @Test
  void nBestListsScoresAndHeatMapIsAPng() throws Exception {
    Path png = dir.resolve("att.png");
    assertThat(run("dates", "--nbest", "3", "--heatmap", png.toString(), "--heatmap-index", "1",
        "1 jan 2001", "17 august 1999")).isZero();
    String text = out.toString();
    assertThat(text).contains("17 august 1999\t1999-08-17").contains("log P")
        .contains("-> " + png);
    assertThat(text.lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(6);
    BufferedImage img = ImageIO.read(png.toFile());
    // 14 source characters x 11 output rows (10 characters and the end token) of 22 pixels
    assertThat(img.getWidth()).isGreaterThan(14 * 22);
    assertThat(img.getHeight()).isGreaterThan(11 * 22);
  }

  @Test
  void inputsTheModelCannotReadWholeAreFlagged() {
    assertThat(run("dates", "3 may 1979", "the twenty-third of september 1999 please",
        "3 may 1979 €")).isZero();
    String[] warnings = err.toString().lines().toArray(String[]::new);
    assertThat(warnings).hasSize(2);
    assertThat(warnings[0]).contains("the twenty-third").contains("first 30 characters");
    assertThat(warnings[1]).contains("'€'");
    assertThat(run("dates", "3 may 1979", " ")).isNotZero();
    assertThat(err.toString()).contains("date 2 is empty");
  }

  @Test
  void badInputIsOneLineAndNonZero() {
    assertThat(run("dates", "--form", "bidirectional", "3 may 1979")).isNotZero();
    assertThat(err.toString().trim()).startsWith("dates: --form must be course or")
        .doesNotContain("\n").doesNotContain("Exception");
    err.getBuffer().setLength(0);
    assertThat(run("dates", "--beam", "2", "--nbest", "3", "3 may 1979")).isNotZero();
    assertThat(err.toString()).contains("--nbest");
    err.getBuffer().setLength(0);
    assertThat(run("dates")).isNotZero();
    assertThat(err.toString()).contains("one or more dates");
    err.getBuffer().setLength(0);
    assertThat(run("dates", "--model", dir.resolve("missing.safetensors").toString(), "1 may 2000"))
        .isNotZero();
    assertThat(err.toString().trim()).startsWith("dates:").doesNotContain("\n");
  }
}
