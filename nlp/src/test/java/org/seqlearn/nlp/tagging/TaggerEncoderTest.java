package org.seqlearn.nlp.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerEncoderTest {

  private static final List<TaggedSentence> TRAIN = List.of(
      new TaggedSentence(List.of("Harry", "met", "Ron"), List.of("B-PER", "O", "B-PER")),
      new TaggedSentence(List.of("met", "\uD83D\uDE00"), List.of("O", "B-MISC")));

  @Test
  void fitsVocabulariesAndTagsDeterministically() {
    TaggerEncoder enc = TaggerEncoder.fit(TRAIN, 1, 4);
    assertThat(enc.tags()).containsExactly("O", "B-MISC", "B-PER");
    assertThat(enc.words().id("met")).isEqualTo(2); // most frequent after <pad>, <unk>
    assertThat(enc.chars().contains("\uD83D\uDE00")).isTrue(); // one code point, one char
    assertThat(TaggerEncoder.fit(TRAIN, 2, 4).words().id("Harry")).isEqualTo(1); // <unk>
  }

  @Test
  void encodesPaddedBatches() {
    TaggerEncoder enc = TaggerEncoder.fit(TRAIN, 1, 4);
    TaggedSentence unseen = new TaggedSentence(List.of("Hzzzzz"), List.of("B-PER"));
    TaggerBatch batch = enc.encode(List.of(TRAIN.get(0), unseen), true);
    assertThat(batch.lengths()).containsExactly(3, 1);
    assertThat(batch.wordIds().shape()).containsExactly(2, 3);
    assertThat(batch.charIds().shape()).containsExactly(2, 3, 4); // "Hzzzzz" cut to 4
    int[] words = batch.wordIds().toArray();
    assertThat(words[3]).isEqualTo(1); // Hzzzzz -> <unk>
    assertThat(words[4]).isZero(); // padding
    int[] chars = batch.charIds().toArray();
    assertThat(chars[4 * 3]).isEqualTo(enc.chars().id("H"));
    assertThat(chars[4 * 3 + 1]).isEqualTo(1); // 'z' never seen in train -> <unk>
    assertThat(chars[4 * 4]).isZero();
    assertThat(chars[4 + 3]).isZero(); // "met" padded to 4
    assertThat(enc.tagNames(new int[] {batch.tags().at(0), batch.tags().at(1)}))
        .containsExactly("B-PER", "O");
    assertThat(enc.encode(List.of(unseen), false).tags()).isNull();
  }

  @Test
  void rejectsUnknownTagsAndEmptyInput() {
    TaggerEncoder enc = TaggerEncoder.fit(TRAIN, 1, 4);
    TaggedSentence odd = new TaggedSentence(List.of("x"), List.of("B-LOC"), 12);
    assertThatThrownBy(() -> enc.encode(List.of(odd), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 12")
        .hasMessageContaining("'B-LOC'");
    assertThatThrownBy(() -> enc.encode(List.of(), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no sentences");
  }
}
