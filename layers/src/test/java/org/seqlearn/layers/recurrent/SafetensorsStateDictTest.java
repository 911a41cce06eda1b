package org.seqlearn.layers.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;

/** Recurrent state dicts go to and come from safetensors files with PyTorch's key names. */
class SafetensorsStateDictTest {

  @Test
  void roundTripThroughAFile(@TempDir Path dir) throws IOException {
    Gru a = new Gru(3, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true).seed(1));
    Path file = dir.resolve("gru.safetensors");
    Safetensors.write(file, a.stateDict(), Map.of("format", "pt"));
    Gru b = new Gru(3, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true).seed(2));
    b.loadStateDict(Safetensors.read(file).floatTensors());
    Tensor x = Tensor.uniform(-1f, 1f, 3L, 5, 2, 3);
    assertThat(b.forward(x).output().toArray()).containsExactly(a.forward(x).output().toArray());
  }

  @Test
  void loadsATorchLstmStateDict() throws IOException {
    // Written by core's tools/gen_safetensors_fixtures.py: nn.LSTM(3, 4, num_layers=2,
    // bidirectional=True).state_dict() plus unrelated "extra.*" tensors.
    byte[] bytes;
    try (InputStream in = getClass().getResourceAsStream("/safetensors/torch_lstm.safetensors")) {
      assertThat(in).as("core's test-jar fixture").isNotNull();
      bytes = in.readAllBytes();
    }
    SafetensorsContent content = Safetensors.read(bytes, "torch_lstm.safetensors");
    Map<String, Tensor> state = new TreeMap<>();
    for (String name : content.names()) {
      if (!name.startsWith("extra.")) {
        state.put(name, content.tensor(name));
      }
    }
    Lstm lstm = new Lstm(3, 4, RecurrentOptions.defaults().numLayers(2).bidirectional(true));
    lstm.loadStateDict(state);
    assertThat(lstm.stateDict().get("bias_hh_l1_reverse").toArray())
        .containsExactly(state.get("bias_hh_l1_reverse").toArray());
    assertThat(lstm.forward(Tensor.ones(2, 1, 3)).output().shape()).containsExactly(2, 1, 8);
  }
}
