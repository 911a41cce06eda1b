package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

class NoGradTest {

  @Test
  void opsUnderNoGradRecordNothing() {
    Tensor a = Fixtures.param(1L, 2, 3);
    Tensor b = Fixtures.param(2L, 3, 2);
    List<Tensor> outs;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      outs = List.of(a.add(a), a.mul(2f), a.exp(), a.tanh(), a.sigmoid(), a.relu(), a.softmax(1),
          a.logSoftmax(0), a.sum(), a.mean(1, true), a.max(0, false), a.matmul(b),
          a.reshape(-1), a.transpose(0, 1), a.permute(1, 0), a.slice(1, 0, 2), a.split(1, 1, 2)[0],
          a.indexSelect(0, IntTensor.vector(1, 1)), a.gather(1, IntTensor.of(new int[2], 2, 1)),
          a.maskedFill(Tensor.of(1f, 0f, 0f), 0f), a.clamp(0f, 1f),
          a.dropout(0.5f, new Rng(1L), true),
          Ops.concat(0, a, a), Ops.stack(0, a, a), Ops.where(Tensor.ones(3), a, a),
          Ops.embedding(b, IntTensor.vector(0)), a.pow(2f), a.pow(a), a.div(a), a.sub(a));
    }
    for (Tensor t : outs) {
      assertThat(t.requiresGrad()).as(t.toString()).isFalse();
      assertThat(t.gradFn()).as(t.toString()).isNull();
    }
    assertThat(a.add(a).gradFn()).isNotNull();
  }

  @Test
  void opsOnTensorsWithoutGradRecordNothing() {
    Tensor a = Tensor.ones(2, 2);
    assertThat(a.matmul(a).exp().sum().gradFn()).isNull();
  }

  @Test
  void recordedOpsNameTheirFunction() {
    Tensor a = Fixtures.param(1L, 2, 2);
    assertThat(a.matmul(a).gradFn().name()).isEqualTo("matmul");
    assertThat(a.add(a).gradFn().name()).isEqualTo("add");
    assertThat(a.softmax(0).gradFn().name()).isEqualTo("softmax");
  }
}
