package org.seqlearn.bench.nlp;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.core.simd.Kernels;

/**
 * word2vec's inner loop at dim 100: a dot product and an axpy between random rows of two
 * {@code [rows, 100]} matrices, with the active kernels ({@code -Dseqlearn.kernels=...}) and
 * with the hand-unrolled loop word2vec falls back to on scalar kernels. {@code rows = 300} keeps
 * everything in cache (pure compute); {@code 70000} is the enwiki vocabulary (cache misses).
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Word2VecKernels</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Word2VecKernelsBenchmark {

  private static final int DIM = 100;
  private static final Kernels KERNELS = KernelProvider.get();

  @Param({"300", "70000"})
  int rows;

  private float[] a;
  private float[] b;
  private int[] offsets;
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(1);
    a = new float[rows * DIM];
    b = new float[rows * DIM];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextDouble(-0.5, 0.5);
      b[i] = (float) r.nextDouble(-0.5, 0.5);
    }
    offsets = new int[1 << 16];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = r.nextInt(rows) * DIM;
    }
  }

  private int row() {
    next = (next + 1) & (offsets.length - 1);
    return offsets[next];
  }

  @Benchmark
  public float dotKernels() {
    return KERNELS.dot(a, row(), b, row(), DIM);
  }

  @Benchmark
  public float dotUnrolled() {
    float[] x = a;
    float[] y = b;
    int xo = row();
    int yo = row();
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    for (int i = 0; i < DIM; i += 4) {
      s0 += x[xo + i] * y[yo + i];
      s1 += x[xo + i + 1] * y[yo + i + 1];
      s2 += x[xo + i + 2] * y[yo + i + 2];
      s3 += x[xo + i + 3] * y[yo + i + 3];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Benchmark
  public void axpyKernels() {
    KERNELS.axpy(1e-7f, a, row(), b, row(), DIM);
  }

  @Benchmark
  public void axpyLoop() {
    float[] x = a;
    float[] y = b;
    int xo = row();
    int yo = row();
    for (int i = 0; i < DIM; i++) {
      y[yo + i] += 1e-7f * x[xo + i];
    }
  }
}
