package org.seqlearn.bench;

import java.util.Random;
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
import org.seqlearn.core.simd.Kernels;

/**
 * exp, tanh and sigmoid over 1M floats (inputs uniform in [-10, 10]), Panama vs scalar. The score
 * is calls per second; elements per second = score * 1,048,576.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ElementwiseBenchmark {

  private static final int N = 1 << 20;

  @Param({"exp", "tanh", "sigmoid"})
  public String function;

  @Param({"panama", "scalar"})
  public String impl;

  private Kernels kernels;
  private float[] src;
  private float[] dst;

  @Setup
  public void setUp() {
    kernels = Impl.kernels(impl);
    Random rnd = new Random(7);
    src = new float[N];
    dst = new float[N];
    for (int i = 0; i < N; i++) {
      src[i] = rnd.nextFloat() * 20f - 10f;
    }
  }

  @Benchmark
  public float[] apply() {
    switch (function) {
      case "exp":
        kernels.exp(src, 0, dst, 0, N);
        break;
      case "tanh":
        kernels.tanh(src, 0, dst, 0, N);
        break;
      default:
        kernels.sigmoid(src, 0, dst, 0, N);
        break;
    }
    return dst;
  }
}
