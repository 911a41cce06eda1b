package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqlearn.nlp.vectors.WordVectors;

class DatasetVectorsTest {

  private static final WordVectors ALL = WordVectors.of(List.of("good", "bad", "film", "unused"),
      new float[] {1, 2, 3, 4, 5, 6, -7, 8}, 2);
  private static final List<String> TEXTS = List.of("film bad !", "good film ! zorg", "zorg !");
  private static final ReviewTokenizer TOKENIZER = new ReviewTokenizer(Set.of("!"));

  @Test
  void keepsTheKnownWordsOfTheTextsInFirstSeenOrder() {
    WordVectors v = DatasetVectors.of(ALL, TEXTS, TOKENIZER, 0, 1);
    assertThat(v.words()).containsExactly("film", "bad", "good");
    assertThat(v.vector("film")).containsExactly(5, 6);
    assertThat(v.vector("good")).containsExactly(1, 2);
  }

  @Test
  void frequentUnknownTokensGetSmallRandomVectors() {
    WordVectors v = DatasetVectors.of(ALL, TEXTS, TOKENIZER, 3, 1);
    assertThat(v.words()).containsExactly("film", "bad", "good", "!");
    WordVectors w = DatasetVectors.of(ALL, TEXTS, TOKENIZER, 2, 1);
    assertThat(w.words()).containsExactly("film", "bad", "good", "!", "zorg");
    float scale = (1 + 2 + 3 + 4 + 5 + 6) / 6f;
    for (float x : w.vector("zorg")) {
      assertThat(Math.abs(x)).isLessThanOrEqualTo(scale).isPositive();
    }
    assertThat(w.vector("!")).isEqualTo(v.vector("!"));
    assertThat(DatasetVectors.of(ALL, TEXTS, TOKENIZER, 2, 2).vector("!"))
        .isNotEqualTo(v.vector("!"));
    assertThatThrownBy(() -> DatasetVectors.of(ALL, TEXTS, TOKENIZER, -1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coverageCountsOccurrencesAndTypes() {
    DatasetVectors.Coverage c = DatasetVectors.coverage(ALL, TEXTS, TOKENIZER);
    assertThat(c.tokens()).isEqualTo(9);
    assertThat(c.knownTokens()).isEqualTo(4);
    assertThat(c.types()).isEqualTo(5);
    assertThat(c.knownTypes()).isEqualTo(3);
    assertThat(c.tokenShare()).isEqualTo(4 / 9.0);
    assertThat(c.typeShare()).isEqualTo(3 / 5.0);
  }
}
