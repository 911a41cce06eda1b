package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaddedBatchTest {

  @Test
  void padsToTheLongestAndRecordsLengths() {
    PaddedBatch b = PaddedBatch.of(List.of(new int[] {5, 6, 7}, new int[] {8}, new int[0]), 0);
    assertThat(b.batchSize()).isEqualTo(3);
    assertThat(b.maxLength()).isEqualTo(3);
    assertThat(b.ids()).containsExactly(5, 6, 7, 8, 0, 0, 0, 0, 0);
    assertThat(b.lengths()).containsExactly(3, 1, 0);
    assertThat(b.mask().toArray()).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0);
    assertThat(b.idsTensor().shape()).containsExactly(3, 3);
  }

  @Test
  void truncatesToMaxLenAndEncodesWithVocabulary() {
    PaddedBatch t = PaddedBatch.of(List.of(new int[] {1, 2, 3, 4}), 9, 2);
    assertThat(t.ids()).containsExactly(1, 2);
    assertThat(t.lengths()).containsExactly(2);
    Vocabulary v = Vocabulary.builder().add(List.of("a", "b", "a")).build();
    PaddedBatch e = PaddedBatch.encode(v, List.of(List.of("a", "b", "c"), List.of("b")));
    assertThat(e.ids()).containsExactly(3, 4, 1, 4, 0, 0);
    assertThat(e.id(1, 0)).isEqualTo(4);
  }
}
