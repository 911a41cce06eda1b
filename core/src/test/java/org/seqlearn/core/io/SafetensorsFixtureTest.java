package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.Tensor;

/** Files written from PyTorch tensors read back to exactly the values torch produced. */
class SafetensorsFixtureTest {

  @TempDir Path dir;

  @Test
  void readsTorchLstmStateDictExactly() throws IOException {
    Path file = dir.resolve("torch_lstm.safetensors");
    Files.write(file, Fixtures.bytes("torch_lstm.safetensors"));
    SafetensorsContent st = Safetensors.read(file);
    Map<String, Fixtures.Expected> expected = Fixtures.tensors("torch_lstm.expected.txt");

    assertThat(st.names()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(st.names()).contains("weight_ih_l0", "weight_hh_l1_reverse", "bias_hh_l1");
    assertThat(st.shape("weight_ih_l0")).containsExactly(16, 3);
    assertThat(st.shape("weight_ih_l1")).containsExactly(16, 8);
    assertThat(st.metadata()).isEqualTo(Map.of("format", "pt"));
    assertMatches(st, expected);
  }

  @Test
  void openReadsTheSameValuesLazily() throws IOException {
    Path file = dir.resolve("torch_lstm.safetensors");
    Files.write(file, Fixtures.bytes("torch_lstm.safetensors"));
    try (SafetensorsFile st = Safetensors.open(file)) {
      assertMatches(st, Fixtures.tensors("torch_lstm.expected.txt"));
      assertThat(st.source()).isEqualTo(file.toString());
    }
  }

  @Test
  void readsHalfBfloatUnicodeNamesAndEscapedMetadata() {
    SafetensorsContent st = Safetensors.read(Fixtures.bytes("mixed.safetensors"), "mixed");
    assertMatches(st, Fixtures.tensors("mixed.expected.txt"));
    assertThat(st.metadata()).isEqualTo(Fixtures.metadata("mixed.expected.txt"));
    assertThat(st.metadata()).containsEntry("quote\"back\\slash", "line\nbreak\ttab\u0001ctl")
        .containsEntry("empty", "");
    assertThat(st.dtype("half.special")).isEqualTo(DType.F16);
  }

  @Test
  void writerReproducesTheReferenceBytes() {
    byte[] reference = Fixtures.bytes("torch_lstm.safetensors");
    SafetensorsContent st = Safetensors.read(reference, "torch_lstm");
    SafetensorsWriter w = Safetensors.writer().metadata(st.metadata());
    // insertion order must not matter: add in reverse name order
    List<String> names = new ArrayList<>(st.names());
    Collections.reverse(names);
    for (String name : names) {
      switch (st.dtype(name)) {
        case F32 -> w.put(name, st.tensor(name));
        case F64 -> w.putDoubles(name, st.doubles(name), st.shape(name));
        case I32 -> w.putInts(name, st.ints(name), st.shape(name));
        case I64 -> w.putLongs(name, st.longs(name), st.shape(name));
        default -> throw new AssertionError(name);
      }
    }
    assertThat(w.toByteArray()).isEqualTo(reference);
  }

  private static void assertMatches(SafetensorsSource st, Map<String, Fixtures.Expected> all) {
    for (Fixtures.Expected e : all.values()) {
      assertThat(st.dtype(e.name()).name()).as(e.name()).isEqualTo(e.dtype());
      assertThat(st.shape(e.name())).as(e.name()).containsExactly(e.shape());
      switch (st.dtype(e.name())) {
        case F64 -> assertThat(st.doubles(e.name())).as(e.name()).containsExactly(e.floats());
        case I32 -> {
          long[] widened = Arrays.stream(st.ints(e.name())).asLongStream().toArray();
          assertThat(widened).as(e.name()).containsExactly(e.integers());
          assertThat(st.longs(e.name())).as(e.name()).containsExactly(e.integers());
        }
        case I64 -> assertThat(st.longs(e.name())).as(e.name()).containsExactly(e.integers());
        default -> {
          Tensor t = st.tensor(e.name());
          assertThat(t.shape()).containsExactly(e.shape());
          float[] want = new float[e.floats().length];
          for (int i = 0; i < want.length; i++) {
            want[i] = (float) e.floats()[i];
          }
          assertThat(bits(t.data())).as(e.name()).containsExactly(bits(want));
        }
      }
    }
  }

  /** Compares floats bit for bit, so -0.0 and 0.0 differ. */
  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
