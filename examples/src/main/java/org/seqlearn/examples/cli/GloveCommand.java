package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.glove.GloveConfig;
import org.seqlearn.nlp.glove.GloveTrainer;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn glove}: counts co-occurrences (bounded memory, spilling to disk) and trains
 * GloVe, like Stanford's vocab_count + cooccur + shuffle + glove pipeline in one command.
 */
@Command(
    name = "glove",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Train GloVe vectors (W + W~) on a text file (.gz is read directly): symmetric window "
            + "with 1/distance weights, AdaGrad on f(X)(w.w~ + b + b~ - log X)^2.",
        "",
        "Example: seqlearn glove --train corpus.txt.gz --output vectors.txt --format glove"})
public final class GloveCommand implements Callable<Integer> {

  @Mixin private CorpusTrainingOptions corpus;

  @Option(names = {"--size", "-vector-size"}, defaultValue = "100",
      description = "Vector dimension (default: ${DEFAULT-VALUE}).")
  private int size;

  @Option(names = {"--window", "-window-size"}, defaultValue = "15",
      description = "Symmetric context window (default: ${DEFAULT-VALUE}).")
  private int window;

  @Option(names = {"--iter", "-iter", "--epochs"}, defaultValue = "15",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = {"--eta", "-eta"}, defaultValue = "0.05",
      description = "AdaGrad learning rate (default: ${DEFAULT-VALUE}).")
  private double eta;

  @Option(names = {"--x-max", "-x-max"}, defaultValue = "100",
      description = "Weighting cap x_max (default: ${DEFAULT-VALUE}).")
  private double xMax;

  @Option(names = {"--alpha", "-alpha"}, defaultValue = "0.75",
      description = "Weighting exponent (default: ${DEFAULT-VALUE}).")
  private double alpha;

  @Option(names = {"--memory", "-memory"}, defaultValue = "1024",
      description = "Co-occurrence table budget in MB before spilling to disk "
          + "(default: ${DEFAULT-VALUE}).")
  private double memoryMb;

  @Option(names = "--temp-dir", paramLabel = "DIR",
      description = "Directory for spilled runs (default: the output's directory).")
  private Path tempDir;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    GloveConfig config = new GloveConfig(size, window, corpus.minCount, epochs, eta, xMax, alpha,
        corpus.threads, corpus.seed, (long) (memoryMb * (1 << 20)), corpus.tokenization());
    corpus.requireFiles();
    Path temp = tempDir != null ? tempDir : corpus.output.toAbsolutePath().getParent();
    InputFiles.requireWritableDirectory(temp, "--temp-dir");
    PrintWriter err = spec.commandLine().getErr();
    int[] epoch = {0};
    long start = System.nanoTime();
    WordVectors v = InputFiles.using(corpus.train, "--train",
        () -> GloveTrainer.train(corpus.train, config, temp, cost -> {
          err.printf(Locale.ROOT, "epoch %d  cost %.6f%n", ++epoch[0], cost);
          err.flush();
        }));
    WordVectorFormat out = corpus.format.resolve(corpus.output);
    InputFiles.using(corpus.output, "--output", () -> {
      v.save(corpus.output, out);
      return null;
    });
    spec.commandLine().getOut().printf(Locale.ROOT,
        "Trained GloVe on %d words x %d dimensions in %.1f s; wrote %s (%s)%n", v.size(),
        v.dimension(), (System.nanoTime() - start) / 1e9, corpus.output, out);
    return 0;
  }
}
