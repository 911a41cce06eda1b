package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine;

/** Smoke tests of word2vec, analogies, similar and debias on tiny files. */
class WordVectorCommandsTest {

  @TempDir static Path dir;
  static Path corpus;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Two topics: {king, queen} with royal contexts, {paris, rome} with city contexts. */
  @BeforeAll
  static void writeCorpus() throws IOException {
    String[][] members = {{"king", "queen", "prince"}, {"paris", "rome", "berlin"}};
    String[][] contexts = {{"crown", "throne", "royal", "palace", "reign", "court"},
        {"city", "streets", "river", "museum", "capital", "metro"}};
    Rng rng = new Rng(5);
    StringBuilder sb = new StringBuilder();
    for (int l = 0; l < 1500; l++) {
      int g = rng.nextInt(2);
      for (int k = 0; k < 10; k++) {
        sb.append(rng.nextInt(3) == 0 ? members[g][rng.nextInt(3)]
            : contexts[g][rng.nextInt(6)]).append(k == 9 ? "\n" : " ");
      }
    }
    corpus = dir.resolve("corpus.txt");
    Files.writeString(corpus, sb.toString().toUpperCase(java.util.Locale.ROOT));
  }

  private int run(Callable<Integer> command, String... args) {
    CommandLine cli = SeqlearnCommand.withFailureReports(new CommandLine(command));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path train(String name, String... extra) {
    Path vectors = dir.resolve(name);
    String[] args = {"-train", corpus.toString(), "-output", vectors.toString(), "-size", "16",
        "-min-count", "1", "-sample", "0", "--report-seconds", "0"};
    String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    assertThat(run(new Word2VecCommand(), all)).as(err.toString()).isZero();
    return vectors;
  }

  @Test
  void word2vecWritesBinaryOrTextAndLowerCasesText8Tokens() throws IOException {
    Path bin = train("v.bin", "-cbow", "1", "-hs", "1", "-iter", "3");
    assertThat(out.toString()).contains("Vocabulary: 18 words").contains("Trained CBOW")
        .contains("WORD2VEC_BINARY");
    WordVectors v = WordVectors.load(bin, WordVectorFormat.WORD2VEC_BINARY);
    assertThat(v.dimension()).isEqualTo(16);
    assertThat(v.contains("king")).isTrue();
    Path text = train("v.txt", "--tokenizer", "whitespace", "-binary", "0", "--threads", "2",
        "--shared-negatives", "--alpha-schedule", "PER_THREAD");
    WordVectors t = WordVectors.load(text, WordVectorFormat.WORD2VEC_TEXT);
    assertThat(t.contains("KING")).isTrue();
    assertThat(run(new Word2VecCommand(), "--alpha-schedule", "SOMETIMES")).isNotZero();
    assertThat(err.toString()).contains("LINEAR").contains("PER_THREAD");
  }

  @Test
  void similarFindsTheSameTopicAndAnswersAnalogies() {
    Path v = train("s.bin", "-iter", "5");
    out.getBuffer().setLength(0);
    assertThat(run(new SimilarCommand(), v.toString(), "paris", "-n", "2")).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(2);
    // any word of the city topic (members and contexts are all about 0.98 similar)
    assertThat(lines[0])
        .matches("(rome|berlin|city|streets|river|museum|capital|metro)\t[0-9.]+");
    out.getBuffer().setLength(0);
    assertThat(run(new SimilarCommand(), v.toString(), "--analogy", "king", "queen", "paris",
        "-n", "3")).isZero();
    assertThat(out.toString().split("\n")).hasSize(3);
    assertThat(run(new SimilarCommand(), v.toString(), "atlantis")).isNotZero();
    assertThat(err.toString()).contains("'atlantis' is not in the vocabulary of 18 words");
  }

  @Test
  void analogiesPrintsSectionsAndTotal() throws IOException {
    Path v = train("a.bin");
    Path questions = dir.resolve("q.txt");
    Files.writeString(questions, ": royal\nking queen king queen\nKING PRINCE queen prince\n"
        + ": gram-cities\nparis rome berlin rome\nparis atlantis rome x\n");
    out.getBuffer().setLength(0);
    assertThat(run(new AnalogiesCommand(), v.toString(), questions.toString())).isZero();
    assertThat(out.toString()).contains("royal").contains("gram-cities").contains("semantic")
        .contains("syntactic").contains("Total accuracy")
        .contains("Questions seen: 3 of 4 (25.0% skipped for unknown words)");
  }

  @Test
  void debiasNeutralisesAndEqualises() throws IOException {
    Path v = train("d.bin");
    Path pairs = Files.writeString(dir.resolve("pairs.txt"), "# definitional\nking queen\n");
    Path neutral = Files.writeString(dir.resolve("neutral.txt"), "paris\nrome\nunknownword\n");
    Path equal = Files.writeString(dir.resolve("equal.txt"), "prince berlin\n");
    Path outFile = dir.resolve("debiased.txt");
    out.getBuffer().setLength(0);
    assertThat(run(new DebiasCommand(), v.toString(), "--output", outFile.toString(), "--pairs",
        pairs.toString(), "--neutralize", neutral.toString(), "--equalize", equal.toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("Skipping unknown word 'unknownword'")
        .containsPattern("Neutralised 2 words: mean \\|e.g/\\|g\\|\\| [0-9.]+ -> 0.0000");
    WordVectors d = WordVectors.load(outFile, WordVectorFormat.WORD2VEC_TEXT);
    assertThat(d.size()).isEqualTo(18);
    Path badPairs = Files.writeString(dir.resolve("bad.txt"), "king\n");
    assertThat(run(new DebiasCommand(), v.toString(), "--output", outFile.toString(), "--pairs",
        badPairs.toString())).isNotZero();
    assertThat(err.toString()).contains("line 1: expected 2 words, got 1");
  }

  @Test
  void gloveTrainsAndWritesGloveText() throws IOException {
    Path v = dir.resolve("g.txt");
    assertThat(run(new GloveCommand(), "--train", corpus.toString(), "--output", v.toString(),
        "--format", "glove", "--size", "8", "--min-count", "1", "--iter", "3", "--window", "4",
        "--memory", "0.01")).as(err.toString()).isZero();
    assertThat(err.toString()).contains("epoch 3  cost");
    assertThat(out.toString()).contains("Trained GloVe on 18 words x 8 dimensions");
    assertThat(WordVectors.load(v, WordVectorFormat.GLOVE_TEXT).size()).isEqualTo(18);
  }

  @Test
  void badOptionsNameTheValue() {
    assertThat(run(new Word2VecCommand(), "-train", corpus.toString(), "-output",
        dir.resolve("x.bin").toString(), "-cbow", "2")).isNotZero();
    assertThat(err.toString()).contains("--cbow must be 0 or 1, got 2");
    assertThat(run(new Word2VecCommand(), "--help")).isZero();
    assertThat(out.toString()).contains("Usage: word2vec").contains("-min-count");
  }
}
