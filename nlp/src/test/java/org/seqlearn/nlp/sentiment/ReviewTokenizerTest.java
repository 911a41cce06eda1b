package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewTokenizerTest {

  @Test
  void negatedContractionsBecomeVerbAndNot() {
    ReviewTokenizer t = new ReviewTokenizer();
    assertThat(t.tokenize("it doesn't work , and i can't , won't , ain't care"))
        .containsExactly("it", "does", "not", "work", "and", "i", "can", "not", "will", "not",
            "is", "not", "care");
    assertThat(t.tokenize("Isn\u2019t it ? ca n't")).containsExactly("is", "not", "it", "ca",
        "not");
  }

  @Test
  void otherPiecesSplitLikeText8() {
    ReviewTokenizer t = new ReviewTokenizer();
    assertThat(t.tokenize("The film's co-writer/director , 21st-century \" Conan \" 10/10"))
        .containsExactly("the", "film", "s", "co", "writer", "director", "st", "century",
            "conan");
    assertThat(t.tokenize("   ")).isEmpty();
  }

  @Test
  void keepsOnlyTheChosenPunctuation() {
    ReviewTokenizer t = new ReviewTokenizer(Set.of("!", "?"));
    assertThat(t.tokenize("wow ! really ? no . yes !!")).containsExactly("wow", "!", "really",
        "?", "no", "yes");
    assertThat(new ReviewTokenizer().tokenize("wow !")).containsExactly("wow");
  }
}
