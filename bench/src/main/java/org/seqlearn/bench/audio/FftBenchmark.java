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
 * Forward float32 FFTs, seqlearn vs JTransforms 3.2 (single-threaded), complex and real input.
 * Every call first copies the same input into the work buffer (both sides pay the copy), so values
 * never blow up across iterations.
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
  @Param({"200", "256", "400", "512", "1024", "4096"})
  int n;

  float[] complexInput;
  float[] realInput;
  float[] work;
  float[] spectrum;
  ComplexFft complex;
  RealFft real;
  FloatFFT_1D jtransforms;

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
    complex = new ComplexFft(n);
    real = new RealFft(n);
    jtransforms = new FloatFFT_1D(n);
  }

  @Benchmark
  public float[] complexSeqlearn() {
    System.arraycopy(complexInput, 0, work, 0, 2 * n);
    complex.forward(work);
    return work;
  }

  @Benchmark
  public float[] complexJTransforms() {
    System.arraycopy(complexInput, 0, work, 0, 2 * n);
    jtransforms.complexForward(work);
    return work;
  }

  @Benchmark
  public float[] realSeqlearn() {
    System.arraycopy(realInput, 0, work, 0, n);
    real.forward(work, spectrum);
    return spectrum;
  }

  @Benchmark
  public float[] realJTransforms() {
    System.arraycopy(realInput, 0, work, 0, n);
    jtransforms.realForward(work);
    return work;
  }
}
