package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.seqlearn.core.random.Rng;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints which kernel implementation is active, checks it against the scalar reference, and
 * measures GEMM and elementwise speed on this machine.
 */
@Command(
    name = "selfcheck",
    mixinStandardHelpOptions = true,
    description = {
        "Show the active kernels (SIMD or scalar) and measure their speed.",
        "",
        "Verifies the active GEMM against the scalar reference, then measures GEMM GFLOP/s and "
            + "exp throughput on this machine. For rigorous figures use the JMH benchmarks "
            + "in bench/ (see the README)."})
final class SelfCheckCommand implements Callable<Integer> {

  @Option(names = "--size", defaultValue = "512",
      description = "Square GEMM size n for an n x n x n product (default: ${DEFAULT-VALUE}).")
  private int size;

  @Option(names = "--seconds", defaultValue = "1.0",
      description = "Time spent measuring each figure (default: ${DEFAULT-VALUE}).")
  private double seconds;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    if (size < 1 || size > 8192) {
      throw new IllegalArgumentException("--size must be in [1, 8192], got " + size);
    }
    if (!(seconds > 0 && seconds <= 60)) {
      throw new IllegalArgumentException("--seconds must be in (0, 60], got " + seconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    Kernels active = KernelProvider.get();
    out.printf("Java            %s (%s)%n", Runtime.version(), System.getProperty("java.vm.name"));
    out.printf("Processors      %d%n", Runtime.getRuntime().availableProcessors());
    out.printf("Vector API      %s%n", KernelProvider.vectorModuleReadable()
        ? "available" : "not available (start java with --add-modules jdk.incubator.vector)");
    out.printf("Active kernels  %s%n", active.name());

    float maxError = verify(active);
    boolean ok = maxError <= 1e-4f;
    out.printf(Locale.ROOT,
        "Check           GEMM %dx%dx%d vs scalar reference: max rel. error %.2e %s%n",
        97, 83, 129, maxError, ok ? "OK" : "FAILED");

    float[] a = random(size * size, 1);
    float[] b = random(size * size, 2);
    float[] c = new float[size * size];
    double flop = 2.0 * size * size * size;
    double gemmSeconds = time(() -> active.gemm(false, false, size, size, size, 1f,
        a, 0, size, b, 0, size, 0f, c, 0, size));
    out.printf(Locale.ROOT, "GEMM            %d x %d x %d float32: %.1f GFLOP/s (%s)%n",
        size, size, size, flop / gemmSeconds / 1e9, active.name());
    Optional<Kernels> panama = KernelProvider.panama();
    if (panama.isPresent() && active != KernelProvider.scalar()) {
      double scalarSeconds = time(() -> KernelProvider.scalar().gemm(false, false, size, size,
          size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size));
      out.printf(Locale.ROOT, "                scalar fallback: %.1f GFLOP/s%n",
          flop / scalarSeconds / 1e9);
    }
    float[] x = random(1 << 20, 3);
    float[] y = new float[x.length];
    double expSeconds = time(() -> active.exp(x, 0, y, 0, x.length));
    out.printf(Locale.ROOT, "exp             %.0f M elements/s (%s)%n",
        x.length / expSeconds / 1e6, active.name());
    return ok ? 0 : 1;
  }

  /** Largest relative difference between {@code kernels} and the scalar reference GEMM. */
  private static float verify(Kernels kernels) {
    int m = 97;
    int n = 83;
    int k = 129;
    float[] a = random(m * k, 11);
    float[] b = random(k * n, 12);
    float[] expected = new float[m * n];
    float[] actual = new float[m * n];
    KernelProvider.scalar().gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, expected, 0, n);
    kernels.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, actual, 0, n);
    float scale = 0f;
    float worst = 0f;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    return worst / Math.max(scale, Float.MIN_NORMAL);
  }

  private static float[] random(int n, long seed) {
    Rng rng = new Rng(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextFloat() * 2f - 1f;
    }
    return v;
  }

  /** Seconds per run: warm up, then repeat for about {@code seconds} and keep the best run. */
  private double time(Runnable work) {
    long budget = (long) (seconds * 1e9);
    long start = System.nanoTime();
    while (System.nanoTime() - start < budget / 3) {
      work.run();
    }
    double best = Double.MAX_VALUE;
    long measureStart = System.nanoTime();
    int runs = 0;
    while (runs < 3 || System.nanoTime() - measureStart < budget) {
      long t0 = System.nanoTime();
      work.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      runs++;
    }
    return best;
  }
}
