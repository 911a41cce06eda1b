package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.vectors.WordPairResult;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn similarity}: word-pair similarity evaluation (Pearson, Spearman, OOV ratio)
 * with gensim's {@code evaluate_word_pairs} rules, one block per pairs file.
 */
@Command(
    name = "similarity",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluate word vectors on word-pair similarity files (WordSim-353, MEN, SimLex-style: "
            + "'word1 word2 score' per line, '#' comments) with gensim's evaluate_word_pairs "
            + "rules: Pearson and Spearman correlation of cosine similarity with the human "
            + "scores, and the ratio of pairs with an unknown word. A line that does not split "
            + "into exactly three fields with a numeric score (e.g. a header) is skipped; for "
            + "SimLex-999.txt keep its columns 1, 2 and 4 first (cut -f1,2,4), as with gensim.",
        "",
        "Example: seqlearn similarity vectors.bin wordsim353.tsv",
        "         seqlearn similarity vectors.bin MEN_dataset_natural_form_full.txt "
            + "--delimiter ' '"})
public final class SimilarityCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Word-vector file.")
  private Path vectors;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PAIRS",
      description = "Word-pair files.")
  private List<Path> pairs;

  @Option(names = "--format", defaultValue = "auto",
      description = "Vector format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private VectorFileFormat format;

  @Option(names = "--delimiter", defaultValue = "\t",
      description = "Literal column separator (default: a tab; MEN files use ' ').")
  private String delimiter;

  @Option(names = "--restrict", defaultValue = "300000",
      description = "Only the most frequent N words are known (default: ${DEFAULT-VALUE}).")
  private int restrict;

  @Option(names = "--case-sensitive", description = "Do not fold case (gensim folds by default).")
  private boolean caseSensitive;

  @Option(names = "--dummy4unknown",
      description = "Score a pair with an unknown word as similarity 0 instead of skipping it "
          + "(gensim's dummy4unknown; the OOV ratio is then relative to the pairs used).")
  private boolean dummy4unknown;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (restrict < 1) {
      throw new IllegalArgumentException("--restrict must be >= 1, got " + restrict);
    }
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("--delimiter must not be empty");
    }
    InputFiles.requireReadable(vectors, "VECTORS");
    for (Path p : pairs) {
      InputFiles.requireReadable(p, "PAIRS");
    }
    WordVectors v = InputFiles.using(vectors, "VECTORS",
        () -> WordVectors.load(vectors, format.resolve(vectors)));
    PrintWriter out = spec.commandLine().getOut();
    for (Path p : pairs) {
      WordPairResult r = InputFiles.using(p, "PAIRS",
          () -> v.evaluateWordPairs(p, restrict, !caseSensitive, delimiter, dummy4unknown));
      out.printf(Locale.ROOT, "%s%n", p);
      out.printf(Locale.ROOT, "  Pearson correlation coefficient:  %.4f%n", r.pearson());
      out.printf(Locale.ROOT, "  Spearman rank-order correlation:  %.4f%n", r.spearman());
      out.printf(Locale.ROOT, "  Pairs with unknown words ratio:   %.1f%%  (%d known, %d "
          + "unknown)%n", r.oovRatio(), r.pairsUsed(), r.pairsOov());
    }
    return 0;
  }
}
