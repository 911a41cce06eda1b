package org.seqlearn.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seqlearn.layers.nn.Dropout;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.nn.Relu;
import org.seqlearn.layers.nn.Sequential;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.LstmCell;

/** eval() and train() of the built-in layers return the layer's own type, for chaining. */
class ModeSelfTypeTest {

  @Test
  void evalAndTrainReturnTheLayersOwnType() {
    Lstm lstm = new Lstm(2, 3).eval();
    assertThat(lstm.isTraining()).isFalse();
    LstmCell cell = new LstmCell(2, 3).train(false);
    assertThat(cell.isTraining()).isFalse();
    Sequential net = new Sequential(new Linear(2, 4), new Relu(), new Dropout(0.5f)).eval();
    assertThat(net.get(2).isTraining()).as("sub-module").isFalse();
    Linear linear = net.train().get(0) instanceof Linear l ? l : null;
    assertThat(linear.isTraining()).isTrue();
    Module asModule = lstm;
    assertThat(asModule.train()).isSameAs(lstm);
  }
}
