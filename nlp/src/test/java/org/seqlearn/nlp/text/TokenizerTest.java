package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  private static final String TEXT = "Don't stop—believin'! Ça coûte 3,50€ (née_x) 😀ok";

  @Test
  void wordPunctuationMatchesNltkWordpunctTokenize() {
    // nltk.tokenize.wordpunct_tokenize(TEXT) with NLTK 3.8 on Python 3.11
    assertThat(new WordTokenizer(WordTokenizer.Mode.WORD_PUNCTUATION, false).tokenize(TEXT))
        .containsExactly("Don", "'", "t", "stop", "—", "believin", "'!", "Ça", "coûte", "3", ",",
            "50", "€", "(", "née_x", ")", "😀", "ok");
    assertThat(WordTokenizer.lowerCaseWords().tokenize("The CAT, sat.")).containsExactly("the",
        "cat", ",", "sat", ".");
  }

  @Test
  void whitespaceSplitsLikePythonStrSplit() {
    assertThat(new WordTokenizer(WordTokenizer.Mode.WHITESPACE, true).tokenize(
        "  Hello,\tWorld!\n\u00a0x  ")).containsExactly("hello,", "world!", "x");
    assertThat(new WordTokenizer(WordTokenizer.Mode.WHITESPACE, false).tokenize("   ")).isEmpty();
  }

  @Test
  void charactersKeepSurrogatePairsAndWhitespace() {
    assertThat(new CharacterTokenizer(false).tokenize("Añ 😀\n")).containsExactly("A", "ñ", " ",
        "😀", "\n");
    assertThat(new CharacterTokenizer(true).tokenize("AB")).containsExactly("a", "b");
  }
}
