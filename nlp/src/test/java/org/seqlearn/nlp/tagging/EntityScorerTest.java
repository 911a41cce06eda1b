package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityScorerTest {

  private static TaggedSentence sentence(String tokens, String tags) {
    return new TaggedSentence(Arrays.asList(tokens.split(" ")), Arrays.asList(tags.split(" ")));
  }

  @Test
  void countsExactSpanAndTypeMatchesOnly() {
    List<TaggedSentence> gold = List.of(sentence("a b c d e", "B-PER I-PER O B-LOC O"));
    List<TaggedSentence> pred = List.of(sentence("a b c d e", "B-PER O O B-ORG O"));
    EntityScores s = EntityScorer.score(gold, pred);
    assertThat(s.overall()).isEqualTo(new ChunkCounts(2, 2, 0));
    assertThat(s.byType().keySet()).containsExactly("LOC", "ORG", "PER");
    assertThat(s.byType().get("PER")).isEqualTo(new ChunkCounts(1, 1, 0));
    assertThat(s.tokens()).isEqualTo(5);
    assertThat(s.correctTags()).isEqualTo(3);
    assertThat(s.overall().f1()).isZero();
  }

  @Test
  void perfectPredictionScoresHundred() {
    List<TaggedSentence> gold = List.of(sentence("a b c", "B-PER I-PER B-PER"));
    EntityScores s = EntityScorer.score(gold, gold);
    assertThat(s.overall()).isEqualTo(new ChunkCounts(2, 2, 2));
    assertThat(s.overall().f1()).isEqualTo(100.0);
  }

  @Test
  void typesSortByCodePointLikePerl() {
    // U+FF21 (BMP, above the surrogates in UTF-16) sorts before U+1D400 by code point.
    assertThat(EntityScorer.CODE_POINT_ORDER.compare("\uFF21", "\uD835\uDC00")).isNegative();
    assertThat(EntityScorer.CODE_POINT_ORDER.compare("A", "AB")).isNegative();
  }

  @Test
  void printfRoundingIsTiesToEvenOnTheBinaryValue() {
    assertThat(ConllevalReport.fixed(0.125)).isEqualTo("  0.12");
    assertThat(ConllevalReport.fixed(0.375)).isEqualTo("  0.38");
    assertThat(ConllevalReport.fixed(1.005)).isEqualTo("  1.00"); // 1.00499999999999989...
    assertThat(ConllevalReport.fixed(100.0)).isEqualTo("100.00");
  }

  @Test
  void rejectsMisalignedInput() {
    List<TaggedSentence> gold = List.of(new TaggedSentence(List.of("a", "b"), List.of("O", "O"),
        7));
    assertThatThrownBy(() -> EntityScorer.score(gold, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(1), got 0");
    assertThatThrownBy(() -> EntityScorer.score(gold, List.of(sentence("a", "O"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sentence 1 (gold line 7, predicted line 0)")
        .hasMessageContaining("expected 2 predicted tokens, got 1");
    assertThatThrownBy(() -> EntityScorer.score(gold, List.of(sentence("a c", "O O"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token 2 differs: gold 'b', predicted 'c'");
  }
}
