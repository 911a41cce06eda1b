package org.seqlearn.audio.fft;

import org.seqlearn.core.simd.FftPasses;
import org.seqlearn.core.simd.KernelProvider;

/**
 * Whether FFT plans use the vectorised passes ({@link FftPasses}, in core): decided once per JVM,
 * by the same switch as the core kernels ({@code -Dseqlearn.kernels}, see {@link KernelProvider}),
 * and only when the hardware has 256-bit vectors. Otherwise the scalar passes ({@link
 * Butterflies}) run.
 */
final class FftKernels {
  private FftKernels() {}

  private static final class Holder {
    static final boolean SIMD =
        "panama".equals(KernelProvider.get().name()) && FftPasses.supported();
  }

  /** True when new plans should use the vectorised passes. */
  static boolean simd() {
    return Holder.SIMD;
  }
}
