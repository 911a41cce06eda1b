package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/** Tensors with a zero-size dimension flow through every op with the right shapes. */
class EmptyTensorTest {

  @Test
  void emptyShapesPropagate() {
    Tensor e = Tensor.zeros(0, 3).requiresGrad(true);
    assertThat(e.add(Tensor.ones(3)).shape()).containsExactly(0, 3);
    assertThat(e.sum(0, false).toArray()).containsExactly(0f, 0f, 0f);
    assertThat(e.sum(1, true).shape()).containsExactly(0, 1);
    assertThat(e.softmax(1).shape()).containsExactly(0, 3);
    assertThat(e.matmul(Tensor.ones(3, 2)).shape()).containsExactly(0, 2);
    assertThat(Tensor.ones(2, 0).matmul(Tensor.ones(0, 2)).toArray())
        .containsExactly(0f, 0f, 0f, 0f);
    assertThat(Ops.concat(0, e, Tensor.ones(2, 3)).shape()).containsExactly(2, 3);
    assertThat(e.transpose(0, 1).shape()).containsExactly(3, 0);
    assertThat(Tensor.ones(2, 3).indexSelect(0, IntTensor.vector()).shape())
        .containsExactly(0, 3);
    assertThat(Tensor.ones(4, 3).slice(0, 2, 2).shape()).containsExactly(0, 3);
    Tensor loss = e.exp().sum();
    loss.backward();
    assertThat(e.grad().shape()).containsExactly(0, 3);
  }

  @Test
  void indexSelectWithVarargsIndices() {
    Tensor x = Tensor.arange(6).reshape(3, 2);
    assertThat(x.indexSelect(0, 2, 0).toArray()).containsExactly(4f, 5f, 0f, 1f);
  }
}
