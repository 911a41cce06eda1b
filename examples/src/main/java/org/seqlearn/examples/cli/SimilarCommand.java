package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.vectors.ScoredWord;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlearn similar}: nearest words to a word, or the answers of an analogy. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    description = {
        "Nearest words by cosine similarity to WORD, to the sum of several words, or (with "
            + "--analogy A B C) the answers of A : B :: C : ? by 3CosAdd.",
        "",
        "Examples: seqlearn similar vectors.bin france",
        "          seqlearn similar vectors.bin --analogy man king woman"})
public final class SimilarCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Word-vector file.")
  private Path vectors;

  @Parameters(index = "1..*", paramLabel = "WORD", arity = "0..*",
      description = "Positive words (their unit vectors are averaged).")
  private List<String> words = new ArrayList<>();

  @Option(names = "--negative", paramLabel = "WORD", split = ",",
      description = "Words subtracted from the query (comma-separated or repeated).")
  private List<String> negative = new ArrayList<>();

  @Option(names = "--analogy", arity = "3", paramLabel = "WORD",
      description = "A B C: answers of A : B :: C : ? (B + C - A).")
  private List<String> analogy;

  @Option(names = {"-n", "--top"}, defaultValue = "10",
      description = "How many words to print (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--format", defaultValue = "auto",
      description = "Vector format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private VectorFileFormat format;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, got " + top);
    }
    List<String> positive = new ArrayList<>(words);
    List<String> minus = new ArrayList<>(negative);
    if (analogy != null) {
      positive.add(analogy.get(1));
      positive.add(analogy.get(2));
      minus.add(analogy.get(0));
    }
    if (positive.isEmpty()) {
      throw new IllegalArgumentException("expected at least one WORD or --analogy A B C, got "
          + "none");
    }
    InputFiles.requireReadable(vectors, "VECTORS");
    WordVectors v = InputFiles.using(vectors, "VECTORS",
        () -> WordVectors.load(vectors, format.resolve(vectors)));
    for (String w : positive) {
      requireKnown(v, w);
    }
    for (String w : minus) {
      requireKnown(v, w);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (ScoredWord s : v.mostSimilar(positive, minus, top)) {
      out.printf(Locale.ROOT, "%s\t%.4f%n", s.word(), s.score());
    }
    return 0;
  }

  private static void requireKnown(WordVectors v, String word) {
    if (!v.contains(word)) {
      throw new IllegalArgumentException("word '" + word + "' is not in the vocabulary of "
          + v.size() + " words");
    }
  }
}
