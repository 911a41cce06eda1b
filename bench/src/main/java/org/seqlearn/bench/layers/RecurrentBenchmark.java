package org.seqlearn.bench.layers;

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
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.simd.KernelProvider;
import org.seqlearn.layers.optim.Sgd;
import org.seqlearn.layers.recurrent.Gru;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentLayer;
import org.seqlearn.layers.recurrent.RecurrentOptions;
import org.seqlearn.layers.recurrent.Rnn;
import org.seqlearn.layers.recurrent.RnnActivation;

/**
 * One fused recurrent layer (batch-first, one direction): a training step (forward, backward of
 * the summed output, SGD update) and an inference forward. The PyTorch side is {@code
 * bench/scripts/torch_recurrent.py}.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RecurrentBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class RecurrentBenchmark {

  /** LSTM, GRU or RNN (tanh). */
  @Param({"LSTM", "GRU", "RNN"})
  public String cell;

  /** batch x time x input x hidden. */
  @Param({"64x50x128x256", "32x100x64x128"})
  public String shape;

  private RecurrentLayer layer;
  private Tensor x;
  private Tensor ones;
  private Sgd sgd;

  @Setup
  public void setup() {
    String[] p = shape.split("x");
    int batch = Integer.parseInt(p[0]);
    int time = Integer.parseInt(p[1]);
    int input = Integer.parseInt(p[2]);
    int hidden = Integer.parseInt(p[3]);
    RecurrentOptions o = RecurrentOptions.defaults().batchFirst(true).seed(1);
    layer = switch (cell) {
      case "LSTM" -> new Lstm(input, hidden, o);
      case "GRU" -> new Gru(input, hidden, o);
      case "RNN" -> new Rnn(input, hidden, RnnActivation.TANH, o);
      default -> throw new IllegalArgumentException("cell must be LSTM, GRU or RNN: " + cell);
    };
    x = Tensor.uniform(-1f, 1f, 2L, batch, time, input);
    ones = Tensor.ones(batch, time, hidden);
    sgd = new Sgd(layer.parameters(), 0.01);
    System.out.println("kernels: " + KernelProvider.get().name());
  }

  /** Forward, backward of sum(output), SGD step with learning rate 0.01. */
  @Benchmark
  public float trainStep() {
    Tensor y = layer.forward(x).output();
    y.backward(ones);
    sgd.step();
    sgd.zeroGrad();
    return y.data()[0];
  }

  /** Forward only, no graph recorded. */
  @Benchmark
  public float inference() {
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      return layer.forward(x).output().data()[0];
    }
  }
}
