package org.seqlearn.bench.audio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.jtransforms.fft.FloatFFT_1D;
import org.seqlearn.audio.fft.ComplexFft;
import org.seqlearn.audio.fft.RealFft;

/**
 * A quick same-JVM A/B of the forward FFTs, seqlearn vs JTransforms 3.2, for a shared (noisy)
 * machine, where {@link FftBenchmark}'s means drift with the load: many short timed batches of each
 * peer, interleaved, and the minimum and median time per transform of each. The JMH benchmark stays
 * the reference figure; this is the tool for deciding between two versions of the code.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar \
 *     org.seqlearn.bench.audio.FftSideBySide [rounds] [n ...]
 * </pre>
 */
public final class FftSideBySide {
  private FftSideBySide() {}

  /** Arguments: number of rounds (default 60), then sizes (default the benchmark's). */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
            : new int[] {200, 256, 400, 512, 1024, 4096};
    org.visnow.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    System.out.println(
        "kind     n   seqlearn min/median ns   jtransforms min/median ns   ratio (min, median)");
    for (boolean real : new boolean[] {false, true}) {
      for (int n : sizes) {
        run(n, real, rounds);
      }
    }
  }

  private static void run(int n, boolean real, int rounds) {
    Random r = new Random(42);
    float[] input = new float[2 * n];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) r.nextGaussian();
    }
    float[] work = new float[2 * n];
    float[] spectrum = new float[2 * (n / 2 + 1)];
    ComplexFft c = new ComplexFft(n);
    RealFft rf = new RealFft(n);
    FloatFFT_1D j = new FloatFFT_1D(n);
    int copy = real ? n : 2 * n;
    Runnable ours =
        real
            ? () -> {
              System.arraycopy(input, 0, work, 0, copy);
              rf.forward(work, spectrum);
            }
            : () -> {
              System.arraycopy(input, 0, work, 0, copy);
              c.forward(work);
            };
    Runnable theirs =
        real
            ? () -> {
              System.arraycopy(input, 0, work, 0, copy);
              j.realForward(work);
            }
            : () -> {
              System.arraycopy(input, 0, work, 0, copy);
              j.complexForward(work);
            };
    int batch = Math.max(20, 400_000 / (n * 8));
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int w = 0; w < 2000; w++) {
      time(ours, batch);
      time(theirs, batch);
      if (w > 200 && w * batch * n > 200_000_000) {
        break;
      }
    }
    for (int i = 0; i < rounds; i++) {
      a[i] = time(ours, batch);
      b[i] = time(theirs, batch);
    }
    Arrays.sort(a);
    Arrays.sort(b);
    System.out.printf(
        Locale.ROOT,
        "%-5s %5d   %9.0f %9.0f          %9.0f %9.0f            %.2f  %.2f%n",
        real ? "real" : "cplx",
        n,
        a[0],
        a[rounds / 2],
        b[0],
        b[rounds / 2],
        b[0] / a[0],
        b[rounds / 2] / a[rounds / 2]);
  }

  private static double time(Runnable f, int batch) {
    long t0 = System.nanoTime();
    for (int i = 0; i < batch; i++) {
      f.run();
    }
    return (System.nanoTime() - t0) / (double) batch;
  }
}
