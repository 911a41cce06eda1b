package org.seqlearn.bench.audio;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.seqlearn.audio.features.MelSpectrogram;
import org.seqlearn.audio.features.Mfcc;
import org.seqlearn.audio.spectral.MatplotlibSpecgram;
import org.seqlearn.audio.spectral.Spectrogram;

/**
 * Feature extraction for 10 s of audio, single-threaded. Real-time factor = 10 s / measured time.
 *
 * <ul>
 *   <li>{@code logMel16k}: 16 kHz, n_fft 400, hop 160, 80 mel bands, ln(mel + 1e-6) — 1001 frames
 *   <li>{@code mfcc16k}: the same plus dB and a 13-coefficient DCT
 *   <li>{@code courseSpecgram44k}: matplotlib specgram NFFT=200, noverlap=120 on 10 s at 44.1 kHz —
 *       101 × 5511, the trigger-word features
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class SpectrogramBenchmark {
  float[] x16k;
  float[] x44k;
  MelSpectrogram mel;
  Mfcc mfcc;
  MatplotlibSpecgram specgram;

  @Setup
  public void setUp() {
    x16k = noise(160_000, 1);
    x44k = noise(441_000, 2);
    mel = MelSpectrogram.builder(16000).nFft(400).hop(160).nMels(80).build();
    mfcc = Mfcc.of(MelSpectrogram.builder(16000).nFft(400).hop(160).nMels(40).build(), 13);
    specgram = MatplotlibSpecgram.triggerWord();
  }

  private static float[] noise(int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (0.1 * r.nextGaussian() + 0.5 * Math.sin(i * 0.05));
    }
    return x;
  }

  @Benchmark
  public Spectrogram logMel16k() {
    return mel.logMel(x16k);
  }

  @Benchmark
  public Spectrogram mfcc16k() {
    return mfcc.compute(x16k);
  }

  @Benchmark
  public Spectrogram courseSpecgram44k() {
    return specgram.compute(x44k).spectrum();
  }
}
