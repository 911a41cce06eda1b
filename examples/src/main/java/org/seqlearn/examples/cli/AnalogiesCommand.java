package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.vectors.AnalogyResult;
import org.seqlearn.nlp.vectors.SectionResult;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seqlearn analogies}: word-analogy accuracy per section and in total (gensim rules). */
@Command(
    name = "analogies",
    mixinStandardHelpOptions = true,
    description = {
        "Evaluate word vectors on an analogy file (a b c d = a:b :: c:d, ': section' headers), "
            + "with gensim's evaluate_word_analogies counting (3CosAdd, top-5 minus the "
            + "question words).",
        "",
        "Example: seqlearn analogies vectors.bin questions-words.txt --restrict 30000"})
public final class AnalogiesCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "VECTORS", description = "Word-vector file.")
  private Path vectors;

  @Parameters(index = "1", paramLabel = "QUESTIONS", description = "Analogy questions file.")
  private Path questions;

  @Option(names = "--format", defaultValue = "auto",
      description = "Vector format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private VectorFileFormat format;

  @Option(names = "--restrict", defaultValue = "300000",
      description = "Only the most frequent N words are known (default: ${DEFAULT-VALUE}).")
  private int restrict;

  @Option(names = "--case-sensitive", description = "Do not fold case (gensim folds by default).")
  private boolean caseSensitive;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (restrict < 1) {
      throw new IllegalArgumentException("--restrict must be >= 1, got " + restrict);
    }
    InputFiles.requireReadable(vectors, "VECTORS");
    InputFiles.requireReadable(questions, "QUESTIONS");
    WordVectors v = InputFiles.using(vectors, "VECTORS",
        () -> WordVectors.load(vectors, format.resolve(vectors)));
    AnalogyResult r = InputFiles.using(questions, "QUESTIONS",
        () -> v.evaluateWordAnalogies(questions, restrict, !caseSensitive));
    if (r.questionsTotal() == 0) {
      throw new InputFileException("QUESTIONS " + questions + ": no analogy questions (expected "
          + "lines 'a b c d' under ': section' headers)");
    }
    PrintWriter out = spec.commandLine().getOut();
    for (SectionResult s : r.sections()) {
      out.println(line(s));
    }
    out.println(line(r.semantic()));
    out.println(line(r.syntactic()));
    out.println(line(r.total()));
    out.printf(Locale.ROOT, "Questions seen: %d of %d (%.1f%% skipped for unknown words)%n",
        r.questionsSeen(), r.questionsTotal(), r.oovPercent());
    return 0;
  }

  private static String line(SectionResult s) {
    return String.format(Locale.ROOT, "%-28s %6.2f%%  (%d / %d)", s.name(), 100 * s.accuracy(),
        s.correct(), s.correct() + s.incorrect());
  }
}
