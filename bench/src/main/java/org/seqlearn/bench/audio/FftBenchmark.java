package org.seqlearn.bench.audio;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jtransforms.fft.FloatFFT_1D;
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
import org.seqlearn.audio.fft.ComplexFft;
import org.seqlearn.audio.fft.RealFft;

/**
 * Forward float32 FFTs, seqlearn vs JTransforms 3.2 (single-threaded), complex and real input. The
 * implementation is the parameter {@code provider}, which sorts after {@code n} and so varies
 * fastest: JMH runs the two peers of one size back to back (on a shared machine, load drifts
 * between distant forks). Every call first copies the same input into the work buffer (both sides
 * pay the copy), so values never blow up across iterations.
 *
 * <pre>java -jar bench/target/benchmarks.jar FftBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FftBenchmark {
  /** Transform length. */
  @Param({"200", "256", "400", "512", "1024", "4096"})
  int n;

  /** {@code seqlearn} or {@code jtransforms}. */
  @Param({"seqlearn", "jtransforms"})
  String provider;

  interface Transform {
    void run(float[] work, float[] spectrum);
  }

  float[] complexInput;
  float[] realInput;
  float[] work;
  float[] spectrum;
  Transform complex;
  Transform real;

  @Setup
  public void setUp() {
    org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    Random r = new Random(42);
    complexInput = new float[2 * n];
    for (int i = 0; i < complexInput.length; i++) {
      complexInput[i] = (float) r.nextGaussian();
    }
    realInput = new float[n];
    for (int i = 0; i < n; i++) {
      realInput[i] = (float) r.nextGaussian();
    }
    work = new float[2 * n];
    spectrum = new float[2 * (n / 2 + 1)];
    switch (provider) {
      case "seqlearn" -> {
        ComplexFft c = new ComplexFft(n);
        RealFft rf = new RealFft(n);
        complex = (w, s) -> c.forward(w);
        real = rf::forward;
      }
      case "jtransforms" -> {
        FloatFFT_1D j = new FloatFFT_1D(n);
        complex = (w, s) -> j.complexForward(w);
        real = (w, s) -> j.realForward(w);
      }
      default ->
          throw new IllegalArgumentException(
              "provider must be seqlearn or jtransforms: " + provider);
    }
  }

  /** Complex FFT of n points, in place. */
  @Benchmark
  public float[] complex() {
    System.arraycopy(complexInput, 0, work, 0, 2 * n);
    complex.run(work, spectrum);
    return work;
  }

  /**
   * Real FFT of n samples: seqlearn writes the n/2+1 bins to a separate array, JTransforms packs
   * them in place.
   */
  @Benchmark
  public float[] real() {
    System.arraycopy(realInput, 0, work, 0, n);
    real.run(work, spectrum);
    return spectrum;
  }
}
