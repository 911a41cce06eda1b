package org.seqlearn.bench;

import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/** Picks kernels by benchmark parameter, independent of the global {@code seqlearn.kernels}. */
final class Impl {

  private Impl() {}

  static Kernels kernels(String impl) {
    switch (impl) {
      case "scalar":
        return KernelProvider.scalar();
      case "panama":
        return KernelProvider.panama().orElseThrow(() -> new IllegalStateException(
            "Panama kernels unavailable: the fork needs --add-modules=jdk.incubator.vector"));
      default:
        throw new IllegalArgumentException("impl must be panama or scalar, got '" + impl + "'");
    }
  }
}
