package org.seqlearn.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;

/**
 * Seeded mutation fuzzing of {@link Safetensors#read(byte[], String)}: parse (and every tensor
 * converts) or {@link SafetensorsFormatException}.
 */
class SafetensorsFuzzTest {

  @Test
  void safetensors() {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("weight_ih_l0", Tensor.wrap(new float[] {1, -2, 3.5f, 4, 5, 6}, 2, 3));
    tensors.put("bias", Tensor.wrap(new float[] {0.25f, -1}, 2));
    byte[] plain = Safetensors.writer().put("weight", tensors.get("weight_ih_l0")).toByteArray();
    byte[] rich = Safetensors.writer().metadata(Map.of("format", "pt", "n", "3"))
        .put("weight_ih_l0", tensors.get("weight_ih_l0")).put("bias", tensors.get("bias"))
        .putLongs("num_batches_tracked", new long[] {7}, new int[0]).toByteArray();
    MutationFuzzer.Report r = MutationFuzzer.run("safetensors", List.of(plain, rich), 111, 3000,
        bytes -> {
          SafetensorsContent st = Safetensors.read(bytes, "fuzz.safetensors");
          for (String name : st.names()) {
            DType type = st.dtype(name);
            if (type == DType.I64 || type == DType.I32) {
              st.longs(name);
            } else {
              st.tensor(name);
            }
          }
        }, e -> e instanceof SafetensorsFormatException);
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
