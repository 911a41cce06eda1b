package org.seqlearn.bench.attention;

import java.util.ArrayList;
import java.util.List;
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
import org.seqlearn.attention.dates.DateExample;
import org.seqlearn.attention.dates.DateSplits;
import org.seqlearn.attention.dates.DateTranslator;
import org.seqlearn.attention.seq2seq.DecoderInput;
import org.seqlearn.attention.seq2seq.DecoderOutput;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;
import org.seqlearn.layers.decode.BeamSearch;
import org.seqlearn.layers.decode.Hypothesis;
import org.seqlearn.layers.loss.CrossEntropyLoss;
import org.seqlearn.layers.optim.Adam;

/**
 * The course's date translator (Bi-LSTM 32, additive attention dense(10, tanh) → dense(1, relu),
 * post-attention LSTM 64, Tx = 30, Ty = 10): one training step of the course's form on a batch of
 * 100 dates (forward, cross-entropy, backward, Adam), and beam search of width 5 over 1,000 dates
 * with the autoregressive form (untrained weights, so every beam runs the full 10 characters and
 * the end token; each step is one decoder call for all 5,000 rows). The PyTorch side is {@code
 * bench/scripts/torch_attention.py}.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar AttentionBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AttentionBenchmark {

  private DateTranslator course;
  private DateTranslator autoregressive;
  private List<DateExample> batch;
  private List<String> dates;
  private Adam adam;
  private final CrossEntropyLoss ce = new CrossEntropyLoss().withClassAxis(-1);
  private final IntTensor[] targets = new IntTensor[1];

  @Setup
  public void setup() {
    DateSplits splits = new DateSplits(1L, 1000, 0);
    Random rng = new Random(2);
    batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.add(splits.drawTraining(rng));
    }
    dates = new ArrayList<>();
    for (DateExample e : splits.test()) {
      dates.add(e.human());
    }
    course = DateTranslator.course(DecoderInput.CONTEXT, 3L);
    adam = new Adam(course.model().parameters(), 0.005);
    autoregressive = DateTranslator.course(DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT, 4L);
  }

  /** Forward of 100 dates, cross-entropy over the 10 output characters, backward, Adam. */
  @Benchmark
  public float trainStep() {
    adam.zeroGrad();
    DecoderOutput out = course.forward(batch, targets);
    Tensor loss = ce.apply(out.logits(), targets[0]);
    loss.backward();
    adam.step();
    return loss.item();
  }

  /** Beam search, width 5, of 1,000 dates in one batch. */
  @Benchmark
  public int beamDecode() {
    DateTranslator.Sources s = DateTranslator.sources(dates);
    List<List<Hypothesis>> out = new BeamSearch(autoregressive.searchOptions(5, 1))
        .search(autoregressive.stepDecoder(), autoregressive.start(s), s.lengths());
    return out.get(0).get(0).length();
  }
}
