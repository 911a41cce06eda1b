package org.seqlearn.layers.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.DType;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsFormatException;

/** Shapes, modes, state and argument checks of the nn modules. */
class ModulesTest {

  @Test
  void linearKeepsLeadingDimsAndInitialisesLikeTorch() {
    Linear m = new Linear(16, 3, true, 4L);
    assertThat(m.forward(Tensor.ones(2, 5, 16)).shape()).containsExactly(2, 5, 3);
    assertThat(m.forward(Tensor.ones(16)).shape()).containsExactly(3);
    assertThat(m.weight().max().item()).isLessThanOrEqualTo(0.25f);
    assertThat(m.weight().neg().max().item()).isLessThanOrEqualTo(0.25f);
    assertThatThrownBy(() -> m.forward(Tensor.ones(2, 15)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[..., 16]").hasMessageContaining("[2, 15]");
  }

  @Test
  void embeddingPaddingRowStartsAtZeroAndIdsAreChecked() {
    Embedding e = new Embedding(4, 3, 2, 1L);
    assertThat(e.weight().toArray()).containsSequence(0f, 0f, 0f);
    assertThat(e.forward(IntTensor.of(new int[] {2, 2}, 1, 2)).toArray()).containsOnly(0f);
    assertThat(e.forward(IntTensor.of(new int[] {0, 1, 3, 1, 2, 0}, 2, 3)).shape())
        .containsExactly(2, 3, 3);
    assertThatThrownBy(() -> e.forward(IntTensor.vector(4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 4)");
  }

  @Test
  void frozenPretrainedVectorsGetNoGradient() {
    Tensor vectors = Tensor.arange(6).reshape(3, 2);
    Embedding frozen = Embedding.fromPretrained(vectors, true, Embedding.NO_PADDING);
    assertThat(frozen.isFrozen()).isTrue();
    assertThat(frozen.forward(IntTensor.vector(2)).toArray()).containsExactly(4f, 5f);
    assertThat(frozen.forward(IntTensor.vector(2)).requiresGrad()).isFalse();
    Embedding trainable = Embedding.fromPretrained(vectors, false, 0);
    assertThat(trainable.weight().get(0, 1)).isEqualTo(1f);
    trainable.forward(IntTensor.vector(0, 1, 1)).sum().backward();
    assertThat(trainable.weight().grad().toArray()).containsExactly(0f, 0f, 2f, 2f, 0f, 0f);
    vectors.data()[0] = 9f;
    assertThat(trainable.weight().get(0, 0)).as("a copy").isEqualTo(0f);
  }

  @Test
  void dropoutIsSeededAndOffInEval() {
    Tensor x = Tensor.ones(100);
    float[] a = new Dropout(0.5f, 3L).forward(x).toArray();
    float[] b = new Dropout(0.5f, 3L).forward(x).toArray();
    assertThat(a).containsExactly(b).contains(0f, 2f);
    Dropout d = new Dropout(0.5f, 3L);
    d.eval();
    assertThat(d.forward(x).toArray()).containsOnly(1f);
    assertThatThrownBy(() -> new Dropout(1f)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void activations() {
    Tensor x = Tensor.of(-1f, 0f, 2f);
    assertThat(new Relu().forward(x).toArray()).containsExactly(0f, 0f, 2f);
    assertThat(new Tanh().forward(x).get(2)).isCloseTo((float) Math.tanh(2), within());
    assertThat(new Sigmoid().forward(x).get(1)).isEqualTo(0.5f);
    Tensor p = new Softmax(-1).forward(Tensor.ones(2, 4));
    assertThat(p.toArray()).containsOnly(0.25f);
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1e-6f);
  }

  @Test
  void sequentialNamesByPositionAndTimeDistributedFoldsTime() {
    Sequential s = new Sequential(new Linear(3, 4), new Relu(), new Linear(4, 2));
    assertThat(s.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight",
        "2.bias");
    TimeDistributed td = new TimeDistributed(new BatchNorm1d(3));
    Tensor x = Tensor.uniform(-1f, 1f, 2L, 2, 5, 3);
    assertThat(td.forward(x).shape()).containsExactly(2, 5, 3);
    assertThat(td.stateDict()).containsKey("module.running_mean");
    Tensor perStep = td.inner().forward(x.reshape(10, 3));
    assertThatThrownBy(() -> td.forward(Tensor.ones(2, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]");
    assertThat(perStep.shape()).containsExactly(10, 3);
  }

  @Test
  void batchNormShapeChecksAndSingleValueTraining() {
    BatchNorm1d bn = new BatchNorm1d(3);
    assertThatThrownBy(() -> bn.forward(Tensor.ones(2, 4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N, 3]")
        .hasMessageContaining("[2, 4]");
    assertThatThrownBy(() -> bn.forward(Tensor.ones(1, 3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1");
  }

  @Test
  void conv1dOutputLengthAndShortInput() {
    Conv1d c = new Conv1d(2, 5, 3, 2, 1, 1, true, 0L);
    assertThat(c.forward(Tensor.ones(1, 2, 8)).shape()).containsExactly(1, 5, 4);
    assertThatThrownBy(() -> new Conv1d(2, 5, 5).forward(Tensor.ones(1, 2, 4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter");
  }

  @Test
  void loadsATorchStateDictAndSavesItByteForByte(@TempDir Path dir) throws IOException {
    // tools/gen_nn_fixtures.py: nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4)) after one
    // training batch, written as safetensors.torch.save does (num_batches_tracked as I64).
    Path torchFile = dir.resolve("torch.safetensors");
    try (var in = getClass().getResourceAsStream("/nn/torch_linear_bn.safetensors")) {
      Files.write(torchFile, in.readAllBytes());
    }
    Sequential m = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
    assertThat(m.load(torchFile)).containsEntry("format", "pt");
    BatchNorm1d bn = (BatchNorm1d) m.get(1);
    assertThat(bn.numBatchesTracked()).isEqualTo(1);
    assertThat(bn.runningVar().toArray()).doesNotContain(1f);
    Path ours = dir.resolve("ours.safetensors");
    m.save(ours, Map.of("format", "pt"));
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(torchFile));
  }

  @Test
  void saveAndLoadAsSafetensorsWithBuffers(@TempDir Path dir) throws IOException {
    Sequential a = new Sequential(new Linear(3, 4, true, 1L), new BatchNorm1d(4));
    a.forward(Tensor.uniform(-1f, 1f, 2L, 5, 3));
    Path file = dir.resolve("model.safetensors");
    a.save(file, Map.of("epoch", "3"));
    assertThat(Safetensors.read(file).dtype("1.num_batches_tracked")).isEqualTo(DType.I64);
    Sequential b = new Sequential(new Linear(3, 4, true, 9L), new BatchNorm1d(4));
    Map<String, String> meta = b.load(file);
    assertThat(meta).containsEntry("epoch", "3");
    a.stateDict().forEach((k, v) ->
        assertThat(b.stateDict().get(k).toArray()).as(k).containsExactly(v.toArray()));
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(1);
    }
    Sequential wrong = new Sequential(new Linear(3, 5));
    assertThatThrownBy(() -> wrong.load(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mis-shaped");
  }

  @Test
  void loadRejectsNonFiniteWeightsUnlessAsked(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("nan.safetensors");
    Safetensors.write(file, Map.of("weight", Tensor.wrap(new float[] {1, 2, Float.NaN, 4}, 2, 2),
        "bias", Tensor.zeros(2)), Map.of());
    Linear m = new Linear(2, 2, true, 1L);
    float[] before = m.stateDict().get("weight").toArray();
    assertThatThrownBy(() -> m.load(file)).isInstanceOf(SafetensorsFormatException.class)
        .hasMessage(file + ": tensor 'weight' holds NaN at flat index 2; expected finite weights "
            + "(load with NonFinitePolicy.ALLOW or WARN to accept them)");
    assertThat(m.stateDict().get("weight").toArray()).containsExactly(before);
    m.load(file, NonFinitePolicy.ALLOW);
    assertThat(m.stateDict().get("weight").toArray()[2]).isNaN();
  }
}
