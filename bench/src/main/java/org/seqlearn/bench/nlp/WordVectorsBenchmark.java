package org.seqlearn.bench.nlp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.seqlearn.nlp.vectors.ScoredWord;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectorReader;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * Word-vector queries and loading on {@code 100k x 300} seeded random vectors: {@code
 * mostSimilar} (one word, top 10; the same as gensim {@code most_similar}), a 3CosAdd analogy,
 * and reading the word2vec text (values with 6 decimals, as GloVe releases) and binary formats.
 * The peer is {@code bench/scripts/gensim_wordvectors.py}, which times gensim on the same shapes
 * and file layout.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar WordVectorsBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WordVectorsBenchmark {

  @Param("100000")
  public int vocab;

  @Param("300")
  public int dim;

  private WordVectors vectors;
  private Path dir;
  private Path textFile;
  private Path binaryFile;
  private List<String> query;
  private List<String> analogyPositive;
  private List<String> analogyNegative;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    SplittableRandom rng = new SplittableRandom(42);
    List<String> words = new ArrayList<>(vocab);
    float[] m = new float[vocab * dim];
    for (int i = 0; i < vocab; i++) {
      words.add("w" + i);
    }
    for (int i = 0; i < m.length; i++) {
      // Six decimals, like GloVe's text releases: the text file then holds these exact values.
      m[i] = (float) (Math.round((rng.nextDouble() * 2 - 1) * 0.4 * 1e6) / 1e6);
    }
    vectors = WordVectors.of(words, m, dim);
    dir = Files.createTempDirectory("wordvectors-bench");
    textFile = dir.resolve("vectors.txt");
    binaryFile = dir.resolve("vectors.bin");
    writeText(words, m, textFile);
    vectors.save(binaryFile, WordVectorFormat.WORD2VEC_BINARY);
    query = List.of("w17");
    analogyPositive = List.of("w100", "w2000");
    analogyNegative = List.of("w30");
    vectors.mostSimilar(query, List.of(), 10); // builds the cached unit matrix once
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(textFile);
    Files.deleteIfExists(binaryFile);
    Files.deleteIfExists(dir);
  }

  @Benchmark
  public List<ScoredWord> mostSimilar() {
    return vectors.mostSimilar(query, List.of(), 10);
  }

  @Benchmark
  public List<ScoredWord> analogy3CosAdd() {
    return vectors.mostSimilar(analogyPositive, analogyNegative, 10);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public WordVectors loadText() throws IOException {
    return WordVectorReader.read(textFile, WordVectorFormat.WORD2VEC_TEXT);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public WordVectors loadBinary() throws IOException {
    return WordVectorReader.read(binaryFile, WordVectorFormat.WORD2VEC_BINARY);
  }

  /** word2vec text with six-decimal values, formatted by hand (String.format is too slow here). */
  private void writeText(List<String> words, float[] m, Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write((vocab + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
      StringBuilder sb = new StringBuilder(dim * 10);
      for (int i = 0; i < vocab; i++) {
        sb.setLength(0);
        sb.append(words.get(i));
        for (int k = 0; k < dim; k++) {
          long micros = Math.round(m[i * dim + k] * 1e6);
          sb.append(' ');
          if (micros < 0) {
            sb.append('-');
            micros = -micros;
          }
          sb.append(micros / 1_000_000).append('.');
          String frac = Long.toString(micros % 1_000_000);
          sb.append("000000", 0, 6 - frac.length()).append(frac);
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
