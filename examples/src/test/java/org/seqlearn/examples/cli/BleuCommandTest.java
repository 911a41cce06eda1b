package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seqlearn bleu} against what sacreBLEU 2.6.0's command line prints and what NLTK's
 * corpus_bleu / sentence_bleu give for the same files (fixture bleu/cli.txt from
 * tools/gen_bleu_fixtures.py), and its one-line errors.
 */
class BleuCommandTest {
  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = SeqlearnCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "bleu";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void printsWhatSacreBleuAndNltkGive() throws IOException {
    int checked = 0;
    for (Map<String, List<String>> c : cases()) {
      String name = c.get("case").get(0);
      List<String> args = new ArrayList<>();
      args.add(writeLines(name + ".hyp", c.get("hyp")).toString());
      for (int k = 0; c.containsKey("ref" + k); k++) {
        args.add(writeLines(name + ".ref" + k, c.get("ref" + k)).toString());
      }
      String extra = c.get("args").get(0).trim();
      if (!extra.isEmpty()) {
        args.addAll(List.of(extra.split(" ")));
      }
      if (c.containsKey("nltk_expect")) {
        args.addAll(List.of("--width", "17"));
      }
      assertThat(run(args.toArray(String[]::new))).as(name + ": " + err).isZero();
      assertThat(err.toString()).isEmpty();
      List<String> printed = List.of(out.toString().split("\n"));
      if (c.containsKey("out")) {
        assertThat(printed).as(name).containsExactlyElementsOf(c.get("out"));
      } else {
        String[] expected = c.get("nltk_expect").get(0).split(" ");
        assertThat(printed).as(name).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
          double want = Double.parseDouble(expected[i]);
          String line = printed.get(i);
          assertThat(line).as(name).startsWith(extra.contains("--sentence-level")
              ? "BLEU|nltk:sentence_bleu|nrefs:2|" : "BLEU|nltk:corpus_bleu|nrefs:2|");
          double got = Double.parseDouble(line.substring(line.indexOf(" = ") + 3,
              line.indexOf(' ', line.indexOf(" = ") + 3)));
          assertThat(got).as(name + " line " + i).isCloseTo(want, Offset.offset(1e-12));
        }
      }
      checked++;
    }
    assertThat(checked).isEqualTo(10);
  }

  @Test
  void badInputIsOneLineAndExitTwo() throws IOException {
    Path hyp = writeLines("h.txt", List.of("a b c", "d e f"));
    Path ref = writeLines("r.txt", List.of("a b c", "d e f"));
    Path shortRef = writeLines("short.txt", List.of("a b c"));
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'o', 'k', '\n', 'x', (byte) 0xC3, '(', '\n'});

    expectError(new String[] {hyp.toString(), dir.resolve("missing.txt").toString()},
        "no such file");
    Path empty = writeLines("empty.txt", List.of());
    Files.write(empty, new byte[0]);
    expectError(new String[] {empty.toString(), empty.toString()}, "empty.txt is empty");
    expectError(new String[] {hyp.toString(), shortRef.toString()},
        "short.txt has 1 lines but");
    expectError(new String[] {bad.toString(), ref.toString()},
        "invalid UTF-8 on line 2 at byte offset 4");
    expectError(new String[] {hyp.toString(), ref.toString(), "--weights", "0.5,0.5"},
        "--weights needs --nltk");
    expectError(new String[] {hyp.toString(), ref.toString(), "--nltk", "-s", "floor"},
        "--smooth-method is a sacreBLEU option");
    expectError(new String[] {hyp.toString(), ref.toString(), "-w", "-1"}, "got -1");
    expectError(new String[] {hyp.toString(), ref.toString(), "-tok", "moses"},
        "got 'moses'");
    expectError(new String[] {hyp.toString(), ref.toString(), "--nltk", "--nltk-smoothing", "9"},
        "got 9");
  }

  @Test
  void perfectHypothesisScoresHundred() throws IOException {
    Path hyp = writeLines("h.txt", List.of("The cat sat on the mat.", "It rained all day."));
    assertThat(run(hyp.toString(), hyp.toString(), "--short")).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("BLEU|#:1|c:mixed|e:no|tok:13a|s:exp|v:2.6.0 = 100.0 ");
  }

  private void expectError(String[] args, String message) {
    assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(out.toString()).as("nothing on stdout").isEmpty();
    assertThat(err.toString()).startsWith("bleu: ").contains(message);
    assertThat(err.toString().strip()).doesNotContain("\n");
  }

  private Path writeLines(String name, List<String> lines) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  /** The cases of bleu/cli.txt: key to its values in order (strings unquoted). */
  private static List<Map<String, List<String>>> cases() throws IOException {
    String text;
    try (InputStream in = BleuCommandTest.class.getResourceAsStream("/bleu/cli.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    List<Map<String, List<String>>> cases = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int sp = line.indexOf(' ');
      String key = sp < 0 ? line : line.substring(0, sp);
      String value = sp < 0 ? "" : line.substring(sp + 1);
      if (key.equals("case")) {
        cases.add(new LinkedHashMap<>());
      }
      if (value.startsWith("\"")) {
        value = unquote(value);
      }
      cases.get(cases.size() - 1).computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return cases;
  }

  private static String unquote(String q) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < q.length() - 1; i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        char e = q.charAt(++i);
        if (e == 'u') {
          sb.append((char) Integer.parseInt(q.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
