package org.seqlearn.bench.layers;

import java.util.List;
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
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.decode.BeamSearch;
import org.seqlearn.layers.decode.BeamSearchOptions;
import org.seqlearn.layers.decode.DecoderState;
import org.seqlearn.layers.decode.Hypothesis;
import org.seqlearn.layers.decode.Sampler;
import org.seqlearn.layers.decode.SamplingOptions;
import org.seqlearn.layers.decode.StepDecoder;

/**
 * The cost of the searches themselves (candidate selection, bookkeeping, reordering), with a
 * decoder that only copies a precomputed row of log-probabilities per row and step: what a model
 * pays on top of its own forward pass. Shapes: the date translator's (1,000 sentences, V = 13,
 * 10 steps) and a translation-sized vocabulary (32 sentences, V = 32,000, 30 steps).
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar BeamSearchBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BeamSearchBenchmark {

  /** sentences x beam width x V x maximum length. */
  @Param({"1000x5x13x10", "32x5x32000x30"})
  public String shape;

  private TableDecoder decoder;
  private int batch;
  private BeamSearch beam;
  private Sampler greedy;

  @Setup
  public void setup() {
    String[] p = shape.split("x");
    batch = Integer.parseInt(p[0]);
    int width = Integer.parseInt(p[1]);
    int v = Integer.parseInt(p[2]);
    int maxLength = Integer.parseInt(p[3]);
    decoder = new TableDecoder(v, 64, 42);
    beam = new BeamSearch(BeamSearchOptions.defaults(1, 0).beamWidth(width).maxLength(maxLength));
    greedy = new Sampler(SamplingOptions.defaults(1, 0).maxLength(maxLength));
  }

  @Benchmark
  public List<List<Hypothesis>> beamSearch() {
    return beam.search(decoder, new Rows(batch), null);
  }

  @Benchmark
  public List<Hypothesis> greedy() {
    return greedy.greedy(decoder, new Rows(batch), null);
  }

  /** A state with nothing in it but its row count. */
  record Rows(int rows) implements DecoderState<Rows> {
    @Override
    public Rows select(int[] indices) {
      return new Rows(indices.length);
    }
  }

  /** Log-probabilities: one of {@code k} random rows, chosen by the last token. */
  static final class TableDecoder implements StepDecoder<Rows> {
    private final int v;
    private final float[][] table;

    TableDecoder(int v, int k, long seed) {
      this.v = v;
      Rng rng = new Rng(seed);
      table = new float[k][v];
      for (float[] row : table) {
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[v];
        for (int i = 0; i < v; i++) {
          z[i] = 3 * rng.nextGaussian();
          max = Math.max(max, z[i]);
        }
        double total = 0;
        for (double x : z) {
          total += Math.exp(x - max);
        }
        for (int i = 0; i < v; i++) {
          row[i] = (float) (z[i] - max - Math.log(total));
        }
      }
    }

    @Override
    public int vocabularySize() {
      return v;
    }

    @Override
    public Rows step(Rows state, int[] lastTokens, float[] logProbs) {
      for (int r = 0; r < state.rows(); r++) {
        System.arraycopy(table[lastTokens[r] % table.length], 0, logProbs, r * v, v);
      }
      return state;
    }
  }
}
