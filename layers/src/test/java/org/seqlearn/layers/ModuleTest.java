package org.seqlearn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.GruCell;

/** Named parameters, nesting, train/eval and state dicts of the Module base. */
class ModuleTest {

  static final class Encoder extends Module {
    final Tensor scale = registerParameter("scale", Tensor.ones(2));
    final Gru gru = registerModule("gru", new Gru(2, 3));
    final GruCell cell = registerModule("cell", new GruCell(3, 3));
  }

  @Test
  void dottedNamesInRegistrationOrder() {
    Encoder e = new Encoder();
    assertThat(e.namedParameters().keySet()).containsExactly("scale", "gru.weight_ih_l0",
        "gru.weight_hh_l0", "gru.bias_ih_l0", "gru.bias_hh_l0", "cell.weight_ih",
        "cell.weight_hh", "cell.bias_ih", "cell.bias_hh");
    assertThat(e.parameters()).allMatch(Tensor::requiresGrad);
  }

  @Test
  void trainAndEvalReachSubModules() {
    Encoder e = new Encoder();
    assertThat(e.gru.isTraining()).isTrue();
    e.eval();
    assertThat(e.gru.isTraining()).isFalse();
    assertThat(e.cell.isTraining()).isFalse();
    e.train();
    assertThat(e.cell.isTraining()).isTrue();
  }

  @Test
  void stateDictRoundTripsAndIsASnapshot() {
    Encoder a = new Encoder();
    Map<String, Tensor> sd = a.stateDict();
    sd.get("scale").data()[0] = 5f;
    assertThat(a.scale.get(0)).isEqualTo(1f);
    Encoder b = new Encoder();
    Tensor ref = b.gru.parameters().get(0);
    b.loadStateDict(sd);
    assertThat(b.scale.get(0)).isEqualTo(5f);
    assertThat(b.gru.parameters().get(0)).isSameAs(ref);
    assertThat(ref.toArray()).containsExactly(a.stateDict().get("gru.weight_ih_l0").toArray());
  }

  @Test
  void namesAreChecked() {
    assertThatThrownBy(() -> new Module() {
      {
        registerParameter("a.b", Tensor.ones(1));
      }
    }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a.b'");
  }
}
