package org.seqlearn.bench.audio;

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
import org.seqlearn.audio.ctc.CtcBeamOptions;
import org.seqlearn.audio.ctc.CtcHypothesis;
import org.seqlearn.audio.ctc.CtcPrefixBeamSearch;
import org.seqlearn.audio.ctc.FrameLogProbs;

/**
 * CTC prefix beam search, beam 50, 29 symbols, 1,000 frames, no token pruning: one decode per
 * call. The peer is {@code bench/scripts/numpy_ctc_prefix_beam.py} (the same algorithm in Python +
 * numpy on the same input, {@code logits[t, s] = 3 sin(0.37 t + 1.3 s) + cos(0.11 t s)}); run both
 * in the same sitting and compare frames/s ({@code 1000 / (ms per op / 1000)}).
 *
 * <pre>java -jar bench/target/benchmarks.jar CtcDecoderBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CtcDecoderBenchmark {
  @Param({"1000"})
  int frames;

  @Param({"29"})
  int symbols;

  @Param({"50"})
  int beam;

  FrameLogProbs input;
  CtcPrefixBeamSearch search;

  @Setup
  public void setUp() {
    input = inputs(frames, symbols);
    search = new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withBeamWidth(beam));
  }

  /** The peer script's input: a log-softmax of a fixed pattern. */
  static FrameLogProbs inputs(int frames, int symbols) {
    float[] v = new float[frames * symbols];
    for (int t = 0; t < frames; t++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int s = 0; s < symbols; s++) {
        v[t * symbols + s] = (float) (3 * Math.sin(0.37 * t + 1.3 * s) + Math.cos(0.11 * t * s));
        max = Math.max(max, v[t * symbols + s]);
      }
      double sum = 0;
      for (int s = 0; s < symbols; s++) {
        sum += Math.exp(v[t * symbols + s] - max);
      }
      float lse = (float) (max + Math.log(sum));
      for (int s = 0; s < symbols; s++) {
        v[t * symbols + s] -= lse;
      }
    }
    return FrameLogProbs.of(v, frames, symbols);
  }

  @Benchmark
  public CtcHypothesis prefixBeamSearch() {
    return search.decode(input).get(0);
  }

  /** Prints the best prefix's log P, to check against the peer script's. */
  public static void main(String[] args) {
    CtcHypothesis h = new CtcPrefixBeamSearch(CtcBeamOptions.defaults().withBeamWidth(50))
        .decode(inputs(1000, 29)).get(0);
    System.out.printf("best log P %.6f, %d tokens%n", h.logProb(), h.length());
  }
}
