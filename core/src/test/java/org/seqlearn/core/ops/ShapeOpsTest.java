package org.seqlearn.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.core.ops.Fixtures.param;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.GradCheck;
import org.seqlearn.core.Tensor;

/** reshape, transpose, permute, concat, stack, split and slice. */
class ShapeOpsTest {

  private final Tensor x = Tensor.arange(24).reshape(2, 3, 4);

  @Test
  void reshapeInfersOneDimension() {
    assertThat(x.reshape(-1, 4).shape()).containsExactly(6, 4);
    assertThat(x.reshape(4, -1).shape()).containsExactly(4, 6);
    assertThat(x.reshape(24).toArray()).containsExactly(x.toArray());
    assertThat(x.unsqueeze(1).shape()).containsExactly(2, 1, 3, 4);
    assertThat(x.unsqueeze(-1).shape()).containsExactly(2, 3, 4, 1);
    assertThatThrownBy(() -> x.reshape(5, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[5, -1]").hasMessageContaining("[2, 3, 4]");
    assertThatThrownBy(() -> x.reshape(5, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4]").hasMessageContaining("[5, 5]");
    assertThatThrownBy(() -> x.reshape(-1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void squeezeAndExpand() {
    assertThat(x.unsqueeze(0).squeeze(0).shape()).containsExactly(2, 3, 4);
    assertThat(x.reshape(2, 1, 12).squeeze(-2).shape()).containsExactly(2, 12);
    assertThatThrownBy(() -> x.squeeze(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("squeeze").hasMessageContaining("axis 3");
    assertThatThrownBy(() -> x.squeeze(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4]").hasMessageContaining("size 3");
    Tensor col = Tensor.of(1f, 2f, 3f).reshape(3, 1);
    Tensor e = col.expand(2, 3, 4);
    assertThat(e.shape()).containsExactly(2, 3, 4);
    for (int i = 0; i < e.numel(); i++) {
      int[] idx = Fixtures.unravel(i, e.shape());
      assertThat(e.data()[i]).isEqualTo(col.get(idx[1], 0));
    }
    assertThatThrownBy(() -> col.expand(2, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[3, 1]").hasMessageContaining("[2, 4]");
    assertThatThrownBy(() -> x.expand(3, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4]").hasMessageContaining("[3, 4]");
    GradCheck.check(in -> in[0].expand(2, 3, 4), param(53L, 3, 1));
    GradCheck.check(in -> in[0].unsqueeze(1).squeeze(1), param(54L, 2, 3));
  }

  @Test
  void permuteMovesEveryElement() {
    int[] perm = {2, 0, 1};
    Tensor p = x.permute(perm);
    assertThat(p.shape()).containsExactly(4, 2, 3);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 3; k++) {
          assertThat(p.get(i, j, k)).isEqualTo(x.get(j, k, i));
        }
      }
    }
    Tensor t = x.transpose(0, -1);
    assertThat(t.shape()).containsExactly(4, 3, 2);
    assertThat(t.get(3, 1, 0)).isEqualTo(x.get(0, 1, 3));
    assertThat(x.transpose(1, 2).transpose(1, 2).toArray()).containsExactly(x.toArray());
    assertThatThrownBy(() -> x.permute(0, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a permutation");
    assertThatThrownBy(() -> x.permute(0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3, 4]");
    assertThatThrownBy(() -> x.transpose(0, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transpose").hasMessageContaining("axis 3");
  }

  @Test
  void concatStackSplitAndSliceValues() {
    Tensor a = Tensor.arange(6).reshape(2, 3);
    Tensor b = Tensor.arange(6f, 10f, 1f).reshape(2, 2);
    Tensor c = Ops.concat(1, a, b);
    assertThat(c.shape()).containsExactly(2, 5);
    assertThat(c.toArray()).containsExactly(0f, 1f, 2f, 6f, 7f, 3f, 4f, 5f, 8f, 9f);
    Tensor[] parts = c.split(1, 3, 2);
    assertThat(parts[0].toArray()).containsExactly(a.toArray());
    assertThat(parts[1].toArray()).containsExactly(b.toArray());
    assertThat(c.slice(1, 2, 4).toArray()).containsExactly(2f, 6f, 5f, 8f);
    Tensor s = Ops.stack(1, a, a.mul(10f));
    assertThat(s.shape()).containsExactly(2, 2, 3);
    assertThat(s.toArray()).containsExactly(0f, 1f, 2f, 0f, 10f, 20f, 3f, 4f, 5f, 30f, 40f, 50f);
    assertThat(Ops.stack(0, a, a).shape()).containsExactly(2, 2, 3);
    assertThat(Ops.stack(-1, a, a).shape()).containsExactly(2, 3, 2);
  }

  @Test
  void gradients() {
    Tensor p = param(51L, 2, 3, 4);
    Tensor q = param(52L, 2, 2, 4);
    GradCheck.check(in -> in[0].reshape(4, -1), p);
    GradCheck.check(in -> in[0].permute(2, 0, 1), p);
    GradCheck.check(in -> in[0].transpose(0, 1), p);
    GradCheck.check(in -> Ops.concat(1, in[0], in[1], in[0]), p, q);
    GradCheck.check(in -> Ops.stack(0, in[0], in[0].mul(in[0])), p);
    GradCheck.check(in -> Ops.stack(3, in[0], in[0]), p);
    GradCheck.check(in -> in[0].slice(2, 1, 3), p);
    GradCheck.check(in -> in[0].split(1, 1, 2)[1], p);
    // Two outputs of one split both reaching the loss.
    GradCheck.check(in -> {
      Tensor[] s = in[0].split(2, 1, 3);
      return s[0].mul(s[1].sum(2, true));
    }, p);
  }

  @Test
  void joiningErrorsNameTheShapes() {
    assertThatThrownBy(() -> Ops.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3]").hasMessageContaining("[2, 4]");
    assertThatThrownBy(() -> Ops.stack(0, Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
    assertThatThrownBy(() -> x.split(1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 1]").hasMessageContaining("[2, 3, 4]");
    assertThatThrownBy(() -> x.slice(2, 3, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[3, 5)").hasMessageContaining("size 4");
    assertThatThrownBy(() -> Ops.concat(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
