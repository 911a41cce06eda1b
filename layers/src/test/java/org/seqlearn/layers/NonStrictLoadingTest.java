package org.seqlearn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.nn.BatchNorm1d;
import org.seqlearn.layers.nn.Linear;
import org.seqlearn.layers.nn.Sequential;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/** load_state_dict(strict=false) as PyTorch reports it, and loading part of a state dict. */
class NonStrictLoadingTest {

  /** One case of tools/gen_state_dict_fixtures.py. */
  record Case(String name, List<String> drop, Map<String, int[]> add, List<String> missing,
      List<String> unexpected, boolean error) {}

  @Test
  void missingAndUnexpectedKeysAreThoseTorchReports() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSize(5);
    for (Case c : cases) {
      Sequential source = model(1L);
      Map<String, Tensor> state = new LinkedHashMap<>(source.stateDict());
      c.drop().forEach(state::remove);
      c.add().forEach((k, shape) -> state.put(k, Tensor.zeros(shape)));
      Sequential target = model(2L);
      if (c.error()) {
        Map<String, Tensor> before = target.stateDict();
        assertThatThrownBy(() -> target.loadStateDict(state, false)).as(c.name())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mis-shaped")
            .hasMessageContaining("0.weight: expected [4, 3], got [5, 3]");
        assertThat(target.stateDict().get("0.bias").toArray()).as("unchanged")
            .containsExactly(before.get("0.bias").toArray());
        continue;
      }
      IncompatibleKeys keys = target.loadStateDict(state, false);
      assertThat(keys.missingKeys()).as(c.name()).containsExactlyElementsOf(c.missing());
      assertThat(keys.unexpectedKeys()).as(c.name()).containsExactlyElementsOf(c.unexpected());
      Map<String, Tensor> loaded = target.stateDict();
      for (String k : loaded.keySet()) {
        Tensor expected = state.containsKey(k) ? state.get(k) : model(2L).stateDict().get(k);
        assertThat(loaded.get(k).toArray()).as(c.name() + " " + k)
            .containsExactly(expected.toArray());
      }
      if (!keys.isEmpty()) {
        assertThatThrownBy(() -> model(2L).loadStateDict(state)).as(c.name() + " strict")
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing keys");
      }
    }
  }

  @Test
  void aSubStateDictLoadsIntoTheSubModule(@TempDir Path dir) throws IOException {
    Sequential whole = new Sequential(model(3L), new Linear(4, 2, true, 4L));
    Path file = dir.resolve("whole.safetensors");
    whole.save(file);
    Map<String, Tensor> part = Module.subStateDict(Module.readStateDict(file), "0");
    assertThat(part.keySet())
        .containsExactlyInAnyOrderElementsOf(model(1L).stateDict().keySet());
    Sequential encoder = model(5L);
    assertThat(encoder.loadStateDict(part, true).isEmpty()).isTrue();
    assertThat(encoder.stateDict().get("0.weight").toArray())
        .containsExactly(whole.stateDict().get("0.0.weight").toArray());
    assertThat(Module.subStateDict(whole.stateDict(), "0.1").keySet())
        .containsExactly("weight", "bias", "running_mean", "running_var", "num_batches_tracked");
    assertThat(Module.subStateDict(whole.stateDict(), "7")).isEmpty();
    assertThatThrownBy(() -> Module.subStateDict(whole.stateDict(), "0."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0.'");
  }

  @Test
  void aRecurrentLayerLoadsTheLayersItShares() {
    Gru twoLayers = new Gru(3, 4, RecurrentOptions.defaults().numLayers(2).seed(1));
    Gru oneLayer = new Gru(3, 4, RecurrentOptions.defaults().seed(2));
    IncompatibleKeys keys = oneLayer.loadStateDict(twoLayers.stateDict(), false);
    assertThat(keys.missingKeys()).isEmpty();
    assertThat(keys.unexpectedKeys()).containsExactly("bias_hh_l1", "bias_ih_l1", "weight_hh_l1",
        "weight_ih_l1");
    assertThat(oneLayer.stateDict().get("weight_hh_l0").toArray())
        .containsExactly(twoLayers.stateDict().get("weight_hh_l0").toArray());
  }

  private static Sequential model(long seed) {
    return new Sequential(new Linear(3, 4, true, seed), new BatchNorm1d(4));
  }

  private static List<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    var in = NonStrictLoadingTest.class.getResourceAsStream("/nn/load_state_dict.txt");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8))) {
      String name = null;
      List<String> drop = null;
      Map<String, int[]> add = null;
      List<String> missing = null;
      List<String> unexpected = null;
      boolean error = false;
      for (String line = r.readLine(); ; line = r.readLine()) {
        if (line == null || line.startsWith("case ")) {
          if (name != null) {
            out.add(new Case(name, drop, add, missing, unexpected, error));
          }
          if (line == null) {
            return out;
          }
          name = line.substring(5);
          drop = new ArrayList<>();
          add = new LinkedHashMap<>();
          missing = new ArrayList<>();
          unexpected = new ArrayList<>();
          error = false;
          continue;
        }
        String[] f = line.split(" ");
        switch (f[0]) {
          case "drop" -> drop.add(f[1]);
          case "add" -> add.put(f[1], Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt)
              .toArray());
          case "missing" -> missing.add(f[1]);
          case "unexpected" -> unexpected.add(f[1]);
          case "error" -> error = true;
          default -> { }
        }
      }
    }
  }
}
