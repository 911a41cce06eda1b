package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

class IndexingTest {

  @Test
  void embeddingLooksUpRowsForIdsOfAnyShape() {
    Tensor weight = Tensor.arange(12).reshape(4, 3);
    IntTensor ids = IntTensor.of(new int[] {3, 0, 3, 1, 2, 3}, 2, 3);
    Tensor e = Ops.embedding(weight, ids);
    assertThat(e.shape()).containsExactly(2, 3, 3);
    for (int i = 0; i < 6; i++) {
      int id = ids.at(i);
      for (int d = 0; d < 3; d++) {
        assertThat(e.get(i / 3, i % 3, d)).isEqualTo(weight.get(id, d));
      }
    }
  }

  @Test
  void repeatedIdsAccumulateTheirGradient() {
    Tensor weight = Tensor.zeros(4, 2).requiresGrad(true);
    Ops.embedding(weight, IntTensor.vector(1, 3, 1, 1)).sum().backward();
    assertThat(weight.grad().toArray()).containsExactly(0f, 0f, 3f, 3f, 0f, 0f, 1f, 1f);
  }

  @Test
  void indexSelectOnAMiddleAxis() {
    Tensor x = Tensor.arange(24).reshape(2, 3, 4);
    Tensor y = x.indexSelect(1, IntTensor.vector(2, 0, 2));
    assertThat(y.shape()).containsExactly(2, 3, 4);
    int[] idx = {2, 0, 2};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 4; k++) {
          assertThat(y.get(i, j, k)).isEqualTo(x.get(i, idx[j], k));
        }
      }
    }
    assertThat(x.indexSelect(-1, IntTensor.of(new int[] {3, 3, 0, 1}, 2, 2)).shape())
        .containsExactly(2, 3, 2, 2);
  }

  @Test
  void gatherPicksAlongAnAxis() {
    Tensor x = Tensor.arange(12).reshape(3, 4);
    IntTensor index = IntTensor.of(new int[] {3, 0, 1, 1, 2, 2}, 3, 2);
    Tensor g = x.gather(1, index);
    assertThat(g.shape()).containsExactly(3, 2);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        assertThat(g.get(i, j)).isEqualTo(x.get(i, index.at(i * 2 + j)));
      }
    }
    IntTensor rows = IntTensor.of(new int[] {2, 0, 1, 2}, 1, 4);
    Tensor g0 = x.gather(0, rows);
    for (int j = 0; j < 4; j++) {
      assertThat(g0.get(0, j)).isEqualTo(x.get(rows.at(j), j));
    }
  }

  @Test
  void gradientsWithRepeatedIndices() {
    Tensor w = param(61L, 5, 3);
    IntTensor ids = IntTensor.of(new int[] {4, 1, 4, 4, 0, 1}, 3, 2);
    GradCheck.check(in -> Ops.embedding(in[0], ids), w);
    Tensor x = param(62L, 2, 5, 3);
    GradCheck.check(in -> in[0].indexSelect(1, ids), x);
    GradCheck.check(in -> in[0].indexSelect(2, IntTensor.vector(2, 2, 0)), x);
    IntTensor gi = IntTensor.of(new int[] {1, 1, 0, 2, 1, 1, 4, 4, 3, 0, 2, 2}, 2, 2, 3);
    GradCheck.check(in -> in[0].gather(1, gi), x);
    IntTensor g2 = IntTensor.of(new int[] {2, 2, 0, 1}, 2, 2, 1);
    GradCheck.check(in -> in[0].gather(2, g2), x);
  }

  @Test
  void badIndicesAreRejected() {
    Tensor w = Tensor.zeros(4, 2);
    assertThatThrownBy(() -> Ops.embedding(w, IntTensor.vector(0, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 4").hasMessageContaining("[0, 4)");
    assertThatThrownBy(() -> w.indexSelect(0, IntTensor.vector(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1");
    assertThatThrownBy(() -> w.gather(1, IntTensor.vector(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2]").hasMessageContaining("[4, 2]");
    assertThatThrownBy(() -> Ops.embedding(Tensor.zeros(4), IntTensor.vector(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[4]");
    assertThatThrownBy(() -> IntTensor.of(new int[3], 2, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 2]");
  }
}
