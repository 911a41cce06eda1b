package org.seqlearn.bench.attention;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.seqlearn.attention.bleu.BleuScore;
import org.seqlearn.attention.bleu.NltkBleu;
import org.seqlearn.attention.bleu.PythonText;
import org.seqlearn.attention.bleu.SacreBleu;
import org.seqlearn.attention.bleu.SegmentReader;

/**
 * Corpus BLEU of the test set that {@code bench/scripts/bleu_peers.py DIR} writes (and times
 * sacreBLEU and NLTK on): {@code -Dbleu.dir=DIR}. {@link #sacreBleu13a} includes the 13a
 * tokenisation of hypotheses and both references, like sacreBLEU's {@code corpus_score};
 * {@link #nltk} starts from whitespace tokens split beforehand, like NLTK's {@code corpus_bleu}.
 *
 * <p>{@link #main} runs both 15 times and prints the best wall and CPU (thread) time of each, the
 * figures the peer script prints, for a machine too loaded for JMH's wall times:
 * {@code java -cp bench/target/benchmarks.jar org.seqlearn.bench.attention.BleuBenchmark DIR}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class BleuBenchmark {
  private List<String> hypotheses;
  private List<List<String>> references;
  private List<List<String>> hypothesisTokens;
  private List<List<List<String>>> referenceTokens;
  private final SacreBleu sacreBleu = SacreBleu.standard();
  private final NltkBleu nltkBleu = NltkBleu.standard();

  @Setup
  public void read() throws IOException {
    Path dir = Path.of(System.getProperty("bleu.dir", "/tmp/bleu-bench"));
    hypotheses = lines(dir.resolve("hyp.txt"));
    references = List.of(lines(dir.resolve("ref0.txt")), lines(dir.resolve("ref1.txt")));
    hypothesisTokens = new ArrayList<>();
    referenceTokens = new ArrayList<>();
    for (int i = 0; i < hypotheses.size(); i++) {
      hypothesisTokens.add(PythonText.split(hypotheses.get(i)));
      referenceTokens.add(List.of(PythonText.split(references.get(0).get(i)),
          PythonText.split(references.get(1).get(i))));
    }
  }

  private static List<String> lines(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    try (SegmentReader r = SegmentReader.open(p)) {
      for (String line = r.next(); line != null; line = r.next()) {
        out.add(PythonText.rstrip(line));
      }
    }
    return out;
  }

  /** Best-of-15 wall and CPU times of both benchmarks on {@code args[0]} (default /tmp/bleu-bench). */
  public static void main(String[] args) throws IOException {
    if (args.length > 0) {
      System.setProperty("bleu.dir", args[0]);
    }
    BleuBenchmark b = new BleuBenchmark();
    b.read();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"sacreBleu13a", "nltk"};
    for (int which = 0; which < 2; which++) {
      long bestWall = Long.MAX_VALUE;
      long bestCpu = Long.MAX_VALUE;
      Object result = null;
      for (int rep = 0; rep < 15; rep++) {
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        result = which == 0 ? b.sacreBleu13a().format(2, "") : b.nltk();
        bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
        bestWall = Math.min(bestWall, System.nanoTime() - wall);
      }
      System.out.printf(Locale.ROOT, "%s: %.1f ms wall, %.1f ms CPU (best of 15): %s%n",
          names[which], bestWall / 1e6, bestCpu / 1e6, result);
    }
  }

  @Benchmark
  public BleuScore sacreBleu13a() {
    return sacreBleu.corpusScore(hypotheses, references);
  }

  @Benchmark
  public double nltk() {
    return nltkBleu.corpusScore(referenceTokens, hypothesisTokens);
  }
}
