package org.seqlearn.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The seeded training/held-out split of a corpus of sequences (moved from examples' charlm). */
class CorpusSplitTest {

  @Test
  void splitIsSeededDisjointAndComplete() {
    List<String> corpus = IntStream.range(0, 200).mapToObj(i -> "name" + i).toList();
    CorpusSplit a = CorpusSplit.of(corpus, 0.1, 7);
    CorpusSplit b = CorpusSplit.of(corpus, 0.1, 7);
    CorpusSplit c = CorpusSplit.of(corpus, 0.1, 8);
    assertThat(a).isEqualTo(b);
    assertThat(a.heldOut()).isNotEqualTo(c.heldOut());
    assertThat(a.heldOut()).hasSize(20);
    Set<String> all = new HashSet<>(a.training());
    all.addAll(a.heldOut());
    assertThat(all).containsExactlyInAnyOrderElementsOf(corpus);
    assertThat(a.training().size() + a.heldOut().size()).isEqualTo(corpus.size());
  }

  @Test
  void holdsOutAtLeastOneAndKeepsOneForTraining() {
    assertThat(CorpusSplit.of(List.of("x", "y"), 0.01, 1).heldOut()).hasSize(1);
    assertThat(CorpusSplit.of(List.of("x", "y"), 0.99, 1).training()).hasSize(1);
    assertThatThrownBy(() -> CorpusSplit.of(List.of("x"), 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 sequences");
    assertThatThrownBy(() -> CorpusSplit.of(List.of("x", "y"), 1.0, 1))
        .hasMessageContaining("held-out fraction must be in (0, 1), got 1.0");
  }
}
