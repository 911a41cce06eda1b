package org.seqlearn.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;

/** A case written by {@code tools/gen_attention_fixtures.py}. */
final class TorchFixture {

  private final String name;
  private final SafetensorsContent content;

  private TorchFixture(String name, SafetensorsContent content) {
    this.name = name;
    this.content = content;
  }

  static TorchFixture load(String name) {
    String resource = "/attention/" + name + ".safetensors";
    try (InputStream in = TorchFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + resource);
      }
      return new TorchFixture(name, Safetensors.read(in.readAllBytes(), resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Tensor tensor(String key) {
    return content.tensor(key);
  }

  /** A fresh leaf that requires grad. */
  Tensor input(String key) {
    return content.tensor(key).requiresGrad(true);
  }

  int[] lengths() {
    return content.contains("lengths") ? content.ints("lengths") : null;
  }

  /** The tensors whose names contain a '.' or start with "in_proj": a module's state dict. */
  Map<String, Tensor> stateDict(String... keys) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String k : keys) {
      out.put(k, content.tensor(k));
    }
    return out;
  }

  /** Backpropagates the case's output gradients through a result. */
  void backward(AttentionResult r) {
    r.context().mul(tensor("gout")).sum().add(r.weights().mul(tensor("gwout")).sum()).backward();
  }

  void assertOutputs(AttentionResult r) {
    assertClose("context", r.context(), tensor("expected_context"));
    assertClose("weights", r.weights(), tensor("expected_weights"));
  }

  void assertGrad(String key, Tensor actual) {
    assertThat(actual.grad()).as(name + " grad of " + key).isNotNull();
    assertClose("grad " + key, actual.grad(), tensor("grad_" + key));
  }

  private void assertClose(String what, Tensor actual, Tensor expected) {
    assertThat(actual.shape()).as(name + " " + what + " shape").containsExactly(expected.shape());
    float[] a = actual.toArray();
    float[] e = expected.toArray();
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).as(name + " " + what + "[" + i + "]")
          .isCloseTo(e[i], within(2e-5f + 2e-5f * Math.abs(e[i])));
    }
  }
}
