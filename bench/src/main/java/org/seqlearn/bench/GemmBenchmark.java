package org.seqlearn.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seqlearn.core.simd.Kernels;

/**
 * Square float32 GEMM {@code C = A * B} ({@code [size, size]} row-major, no transposes, beta 0)
 * on a fixed thread count, with the kernels chosen explicitly.
 *
 * <p>The primary score is GEMM calls per second; the secondary {@code gflop} counter is the same
 * rate already converted: {@code GFLOP/s = ops/s * 2 * size^3 / 1e9}. Run with {@code java -jar
 * bench/target/benchmarks.jar GemmBenchmark}; the vector module flag is added to the fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {

  @Param({"64", "128", "256", "512", "1024"})
  public int size;

  @Param({"1", "2"})
  public int threads;

  @Param({"panama", "scalar"})
  public String impl;

  private Kernels kernels;
  private float[] a;
  private float[] b;
  private float[] c;

  /** Counts floating-point work; JMH reports it as a rate, i.e. GFLOP/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    /** Accumulated GFLOP; reported per second. */
    public double gflop;

    @Setup(Level.Iteration)
    public void reset() {
      gflop = 0;
    }
  }

  @Setup
  public void setUp() {
    kernels = Impl.kernels(impl);
    Random rnd = new Random(42);
    a = new float[size * size];
    b = new float[size * size];
    c = new float[size * size];
    for (int i = 0; i < a.length; i++) {
      a[i] = rnd.nextFloat() - 0.5f;
      b[i] = rnd.nextFloat() - 0.5f;
    }
  }

  @Benchmark
  public float[] gemm(Flops flops) {
    kernels.gemm(false, false, size, size, size, 1f, a, 0, size, b, 0, size, 0f, c, 0, size,
        threads);
    flops.gflop += 2.0 * size * size * size / 1e9;
    return c;
  }
}
