package org.seqlearn.bench.attention;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The operations of {@link AttentionBenchmark} timed by the CPU time of the calling thread, for a
 * shared machine where wall-clock JMH figures are dominated by other processes. Run it with one
 * compute thread, so that all the work is on the calling thread, next to {@code
 * bench/scripts/torch_attention.py} (whose threads=1 line reports process CPU time):
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Dseqlearn.threads=1 \
 *     -cp bench/target/benchmarks.jar org.seqlearn.bench.attention.AttentionCpuTimeRun
 * </pre>
 *
 * <p>Each operation is warmed up (30 training steps, 3 decodings), then the best CPU time of 10
 * training steps and of 5 decodings is printed.
 */
public final class AttentionCpuTimeRun {

  private AttentionCpuTimeRun() {}

  public static void main(String[] args) {
    if (!"1".equals(System.getProperty("seqlearn.threads"))) {
      System.err.println("run with -Dseqlearn.threads=1 (the CPU time of one thread is measured)");
      System.exit(2);
    }
    AttentionBenchmark b = new AttentionBenchmark();
    b.setup();
    report("trainStep", () -> (int) b.trainStep(), 30, 10);
    report("beamDecode", b::beamDecode, 3, 5);
  }

  private static void report(String name, IntSupplier op, int warmup, int repeats) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmup; i++) {
      op.getAsInt();
    }
    double best = Double.MAX_VALUE;
    double bestWall = Double.MAX_VALUE;
    for (int i = 0; i < repeats; i++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      op.getAsInt();
      best = Math.min(best, (mx.getCurrentThreadCpuTime() - c0) / 1e6);
      bestWall = Math.min(bestWall, (System.nanoTime() - t0) / 1e6);
    }
    System.out.printf(Locale.ROOT, "seqlearn %s threads=1: %.2f ms wall, %.2f ms CPU%n", name,
        bestWall, best);
  }
}
