package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole report equals conlleval.pl's, on the fixtures of tools/gen_conlleval_fixtures.py. */
class ConllevalParityTest {

  private static final String DIR = "/tagging/conlleval/";

  static List<String> cases() {
    return resource("index.txt").lines().toList();
  }

  private static String resource(String name) {
    try (InputStream in = ConllevalParityTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<TaggedSentence> read(String name, int tagColumn) throws IOException {
    try (InputStream in = ConllevalParityTest.class.getResourceAsStream(DIR + name)) {
      return new ConllReader().withColumns(0, tagColumn).read(in, name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportEqualsConlleval(String name) throws IOException {
    List<TaggedSentence> gold = read(name + ".txt", 1);
    List<TaggedSentence> predicted = read(name + ".txt", 2);
    EntityScores scores = EntityScorer.score(gold, predicted);
    assertThat(ConllevalReport.format(scores)).isEqualTo(resource(name + ".report"));
  }
}
