package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.io.MutationFuzzer;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.TextFormatException;

/**
 * Seeded mutation fuzzing of the word-vector readers and the evaluation files: every mutated
 * input parses or fails with the documented exception, never anything else.
 */
class VectorReadersFuzzTest {

  private static final int ITERATIONS = 400;
  /**
   * The evaluations search neighbours for every question (a few KiB of garbage per line of a few
   * bytes): their allocation is bounded by the input's size times this, not by 64 times it.
   */
  private static final long EVALUATION_BYTES_PER_BYTE = 4096;

  @TempDir Path dir;
  private Path input;
  private WordVectors vectors;

  @BeforeEach
  void setUp() {
    input = dir.resolve("input");
    List<String> words = List.of("king", "queen", "man", "woman", "paris", "日本", "x");
    float[] m = new float[words.size() * 4];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) Math.sin(i * 0.37) * 2.5f;
    }
    vectors = WordVectors.of(words, m, 4);
  }

  private List<byte[]> seeds(WordVectorFormat format) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (int n : new int[] {1, 3, vectors.size()}) {
      Path file = dir.resolve("seed." + format + n);
      vectors.restrictVocab(n).save(file, format);
      seeds.add(Files.readAllBytes(file));
    }
    return seeds;
  }

  private MutationFuzzer.Report fuzzVectors(WordVectorFormat format, long seed, int limit)
      throws IOException {
    return MutationFuzzer.run("word vectors " + format + " limit " + limit, seeds(format), seed,
        ITERATIONS, bytes -> {
          Files.write(input, bytes);
          WordVectorReader.read(input, format, limit, NonFinitePolicy.REJECT);
        }, e -> e instanceof WordVectorFormatException);
  }

  @Test
  void word2vecText() throws IOException {
    report(fuzzVectors(WordVectorFormat.WORD2VEC_TEXT, 11, Integer.MAX_VALUE));
    report(fuzzVectors(WordVectorFormat.WORD2VEC_TEXT, 12, 0));
  }

  @Test
  void word2vecBinary() throws IOException {
    report(fuzzVectors(WordVectorFormat.WORD2VEC_BINARY, 21, Integer.MAX_VALUE));
    report(fuzzVectors(WordVectorFormat.WORD2VEC_BINARY, 22, 2));
  }

  @Test
  void gloveText() throws IOException {
    report(fuzzVectors(WordVectorFormat.GLOVE_TEXT, 31, Integer.MAX_VALUE));
  }

  @Test
  void analogyQuestions() throws IOException {
    byte[] questions = (": capital\nking queen man woman\nman woman king queen\n: other\n"
        + "paris 日本 king x\n").getBytes(StandardCharsets.UTF_8);
    report(MutationFuzzer.run("analogy questions", List.of(questions), 41, ITERATIONS,
        bytes -> {
          Files.write(input, bytes);
          AnalogyEvaluation.evaluate(vectors, input, 300_000, true);
        }, e -> e instanceof TextFormatException, EVALUATION_BYTES_PER_BYTE));
  }

  @Test
  void wordPairs() throws IOException {
    byte[] pairs = ("# comment\nking\tqueen\t8.5\nman\twoman\t7\nparis\tx\t1.25\n")
        .getBytes(StandardCharsets.UTF_8);
    report(MutationFuzzer.run("word pairs", List.of(pairs), 51, ITERATIONS, bytes -> {
      Files.write(input, bytes);
      WordPairEvaluation.evaluate(vectors, input, 300_000, true);
    }, e -> e instanceof TextFormatException
        || e instanceof IllegalArgumentException && e.getMessage().contains("word pair"),
        EVALUATION_BYTES_PER_BYTE));
  }

  private static void report(MutationFuzzer.Report r) {
    System.out.println("fuzz " + r);
    assertThat(r.parsed() + r.rejected()).isEqualTo(r.inputs());
  }
}
