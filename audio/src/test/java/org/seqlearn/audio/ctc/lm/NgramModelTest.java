package org.seqlearn.audio.ctc.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.Fixtures;

class NgramModelTest {

  /** One NLTK query: P(word | context). */
  record Query(double p, String word, List<String> context) {}

  private static List<Query> nltk(String smoothing, int order) {
    String text = new String(Fixtures.bytes("ctc/lm_nltk.txt"), StandardCharsets.UTF_8);
    List<Query> out = new ArrayList<>();
    boolean in = false;
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f[0].equals("model")) {
        in = f[1].equals(smoothing) && Integer.parseInt(f[2]) == order;
      } else if (in && f[0].equals("p")) {
        out.add(new Query(Double.parseDouble(f[1]), f[2],
            Arrays.asList(f).subList(4, f.length)));
      }
    }
    assertThat(out).as(smoothing + " " + order).hasSizeGreaterThan(100);
    return out;
  }

  private static NgramModel train(Smoothing smoothing, int order) throws IOException {
    return CharTokens.train(Fixtures.path("ctc/lm_corpus.txt"), order, smoothing, 0.1);
  }

  private static void assertMatches(NgramModel model, List<Query> queries, double rtol) {
    for (Query q : queries) {
      double p = Math.pow(10, model.log10Prob(q.context(), q.word()));
      if (Math.abs(p - q.p()) > rtol * q.p() + 1e-12) {
        fail("P(" + q.word() + " | " + q.context() + "): NLTK " + q.p() + ", ours " + p);
      }
    }
  }

  @Test
  void kneserNeyEqualsNltk() throws IOException {
    for (int order : new int[] {2, 3}) {
      assertMatches(train(Smoothing.KNESER_NEY, order), nltk("kneser_ney", order), 1e-9);
    }
  }

  @Test
  void wittenBellEqualsNltk() throws IOException {
    for (int order : new int[] {2, 3}) {
      assertMatches(train(Smoothing.WITTEN_BELL, order), nltk("witten_bell", order), 1e-9);
    }
  }

  @Test
  void wittenBellDistributionsSumToOne() throws IOException {
    NgramModel model = train(Smoothing.WITTEN_BELL, 3);
    List<String> words = new ArrayList<>();
    for (String key : model.entries(1).keySet()) {
      words.add(key);
    }
    for (List<String> context : List.of(List.of("<s>", "<s>"), List.of("o", "n"),
        List.of("q", "q"), List.of("e", "<space>"))) {
      double sum = 0;
      for (String w : words) {
        sum += Math.pow(10, model.log10Prob(context, w));
      }
      assertThat(sum).as(context.toString()).isCloseTo(1.0,
          org.assertj.core.api.Assertions.within(1e-9));
    }
  }

  @Test
  void arpaRoundTripKeepsEveryProbability(@TempDir Path dir) throws IOException {
    for (Smoothing s : Smoothing.values()) {
      NgramModel model = train(s, 3);
      Path file = dir.resolve(s + ".arpa");
      ArpaWriter.write(model, file);
      NgramModel back = ArpaReader.read(file);
      assertThat(back.order()).isEqualTo(3);
      for (int k = 1; k <= 3; k++) {
        assertThat(back.size(k)).isEqualTo(model.size(k));
      }
      assertMatches(back, nltk(s == Smoothing.KNESER_NEY ? "kneser_ney" : "witten_bell", 3),
          1e-9);
      StringWriter again = new StringWriter();
      ArpaWriter.write(back, again);
      assertThat(again.toString()).isEqualTo(Files.readString(file));
      assertThat(Files.list(dir).filter(p -> p.getFileName().toString().contains("tmp")))
          .isEmpty();
    }
  }

  @Test
  void arpaWithSingleContextPadsIsReadAndBacksOff() throws IOException {
    String arpa = "some preamble\n\\data\\\nngram 1=3\nngram 2=2\n\n\\1-grams:\n"
        + "-0.5\t<s>\t-0.3\n-0.4\ta\t-0.2\n-0.6\t</s>\n\n\\2-grams:\n-0.1\t<s> a\n"
        + "-0.2\ta </s>\n\n\\end\\\n";
    NgramModel m = read(arpa);
    assertThat(m.log10Prob(List.of("<s>"), "a")).isEqualTo(-0.1);
    assertThat(m.log10Prob(List.of("a"), "a")).isCloseTo(-0.2 - 0.4,
        org.assertj.core.api.Assertions.within(1e-12));
    assertThat(m.log10Prob(List.of("zz"), "q")).isEqualTo(NgramModel.ZERO_LOG10);
  }

  @Test
  void malformedArpaNamesTheLine() {
    String ok = "\\data\\\nngram 1=2\nngram 2=1\n\n\\1-grams:\n-0.5\ta\t-0.3\n-0.4\tb\n\n"
        + "\\2-grams:\n-0.1\ta b\n\n\\end\\\n";
    assertThat(read(ok).order()).isEqualTo(2);
    assertError(ok.replace("ngram 1=2", "ngram 1=3"), "line 9: expected 3 1-grams (the header's count), found only 2");
    assertError(ok.replace("-0.4\tb", "-0.4\ta"), "line 7: expected each 1-gram once");
    assertError(ok.replace("-0.1\ta b", "-0.1\tc b"), "line 10: expected the context 'c'");
    assertError(ok.replace("-0.4\tb", "NaN\tb"), "line 7: expected a finite log10 probability");
    assertError(ok.replace("-0.4\tb", "0.4\tb"), "at most 0");
    assertError(ok.replace("-0.1\ta b", "-0.1\ta b\t-0.2"), "line 10: expected a log10 "
        + "probability, 2 token(s), found 4 fields");
    assertError(ok.replace("\\end\\\n", ""), "expected \\end\\");
    assertError(ok.replace("ngram 2=1", "ngram 3=1"), "line 3: expected ngram 2=");
    assertError("\\data\\\nngram 1=99999999\n", "at most 1000 n-grams");
    assertError("no data here\n", "expected a \\data\\ line, found end of file");
    assertError("\\data\\\n" + "x".repeat(ArpaReader.MAX_LINE_BYTES + 5),
        "line 2: expected a line of at most");
  }

  private static NgramModel read(String arpa) {
    try {
      return ArpaReader.read(new ByteArrayInputStream(arpa.getBytes(StandardCharsets.UTF_8)),
          1000);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertError(String arpa, String message) {
    assertThatThrownBy(() -> read(arpa)).isInstanceOf(ArpaFormatException.class)
        .hasMessageContaining(message);
  }
}
