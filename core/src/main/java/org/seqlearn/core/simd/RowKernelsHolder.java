package org.seqlearn.core.simd;

/** Picks and caches the {@link RowKernels} implementation (loaded lazily, like the kernels). */
final class RowKernelsHolder {

  static final RowKernels ACTIVE = of(KernelProvider.get());

  private RowKernelsHolder() {}

  static RowKernels of(Kernels kernels) {
    if (kernels instanceof ScalarKernels) {
      return ScalarRowKernels.INSTANCE;
    }
    if ("panama".equals(kernels.name())) {
      return PanamaHolder.INSTANCE;
    }
    throw new IllegalArgumentException("no row kernels for kernels '" + kernels.name() + "'");
  }

  private static final class PanamaHolder {
    static final RowKernels INSTANCE = new PanamaRowKernels();
  }
}
