package org.seqlearn.attention;

import org.junit.jupiter.api.Test;
import org.seqlearn.core.Tensor;

/** Outputs and gradients equal PyTorch's (fixtures from tools/gen_attention_fixtures.py). */
class AttentionTorchReferenceTest {

  @Test
  void additiveMaskedEqualsTheCoursesConcatenatedNetworkInTorch() {
    checkAdditive("additive_masked");
  }

  @Test
  void additiveUnmaskedEqualsTorch() {
    checkAdditive("additive_unmasked");
  }

  private static void checkAdditive(String name) {
    TorchFixture f = TorchFixture.load(name);
    AdditiveAttention att = new AdditiveAttention(4, 6, 1L);
    att.loadStateDict(f.stateDict("dense0.weight", "dense0.bias", "dense1.weight",
        "dense1.bias"));
    Tensor q = f.input("query");
    Tensor m = f.input("memory");
    AttentionResult r = att.forward(q, m, f.lengths());
    f.assertOutputs(r);
    f.backward(r);
    f.assertGrad("query", q);
    f.assertGrad("memory", m);
    for (var p : att.namedParameters().entrySet()) {
      f.assertGrad(p.getKey(), p.getValue());
    }
  }

  @Test
  void luongDotEqualsTorch() {
    TorchFixture f = TorchFixture.load("luong_dot");
    Tensor q = f.input("query");
    Tensor m = f.input("memory");
    AttentionResult r = LuongAttention.dot(4).forward(q, m, f.lengths());
    f.assertOutputs(r);
    f.backward(r);
    f.assertGrad("query", q);
    f.assertGrad("memory", m);
  }

  @Test
  void luongGeneralEqualsTorch() {
    TorchFixture f = TorchFixture.load("luong_general");
    LuongAttention att = LuongAttention.general(4, 6, 3L);
    att.loadStateDict(f.stateDict("proj.weight"));
    Tensor q = f.input("query");
    Tensor m = f.input("memory");
    AttentionResult r = att.forward(q, m, f.lengths());
    f.assertOutputs(r);
    f.backward(r);
    f.assertGrad("query", q);
    f.assertGrad("memory", m);
    f.assertGrad("proj.weight", att.namedParameters().get("proj.weight"));
  }

  @Test
  void scaledDotProductEqualsTorch() {
    checkSdpa("sdpa", false);
    checkSdpa("sdpa_causal", true);
    checkSdpa("sdpa_causal_masked", true);
  }

  private static void checkSdpa(String name, boolean causal) {
    TorchFixture f = TorchFixture.load(name);
    Tensor q = f.input("query");
    Tensor k = f.input("key");
    Tensor v = f.input("value");
    int[] lengths = f.lengths();
    Tensor mask = ScaledDotProductAttention.combine(
        lengths == null ? null : AttentionMasks.padding(lengths, 2, 5),
        causal ? AttentionMasks.causal(5, 5) : null);
    AttentionResult r = ScaledDotProductAttention.compute(q, k, v, mask);
    f.assertOutputs(r);
    f.backward(r);
    f.assertGrad("query", q);
    f.assertGrad("key", k);
    f.assertGrad("value", v);
  }

  @Test
  void multiHeadEqualsTorchMultiheadAttention() {
    checkMha("mha_masked", false);
    checkMha("mha_causal", true);
  }

  private static void checkMha(String name, boolean causal) {
    TorchFixture f = TorchFixture.load(name);
    MultiHeadAttention att = new MultiHeadAttention(6, 2, 5L);
    att.loadStateDict(f.stateDict("in_proj_weight", "in_proj_bias", "out_proj.weight",
        "out_proj.bias"));
    Tensor q = f.input("query");
    Tensor k = f.input("key");
    Tensor v = f.input("value");
    AttentionResult r = att.forward(q, k, v, f.lengths(), causal);
    f.assertOutputs(r);
    f.backward(r);
    f.assertGrad("query", q);
    f.assertGrad("key", k);
    f.assertGrad("value", v);
    for (var p : att.namedParameters().entrySet()) {
      f.assertGrad(p.getKey(), p.getValue());
    }
  }
}
