package org.seqlearn.core.simd;

/** Picks and caches the {@link GateKernels} implementations (loaded lazily, like the kernels). */
final class GateKernelsHolder {

  static final GateKernels ACTIVE = of(KernelProvider.get());

  private GateKernelsHolder() {}

  static GateKernels of(Kernels kernels) {
    if (kernels instanceof ScalarKernels) {
      return ScalarGateKernels.INSTANCE;
    }
    if ("panama".equals(kernels.name())) {
      return PanamaHolder.INSTANCE;
    }
    throw new IllegalArgumentException("no gate kernels for kernels '" + kernels.name() + "'");
  }

  private static final class PanamaHolder {
    static final GateKernels INSTANCE = new PanamaGateKernels();
  }
}
