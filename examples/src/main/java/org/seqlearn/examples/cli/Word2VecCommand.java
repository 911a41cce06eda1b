package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.word2vec.Word2VecConfig;
import org.seqlearn.nlp.word2vec.Word2VecConfig.Architecture;
import org.seqlearn.nlp.word2vec.Word2VecResult;
import org.seqlearn.nlp.word2vec.Word2VecTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn word2vec}: trains word vectors from a text file, like the original C tool
 * (whose single-dash option names are accepted too: {@code -train -output -size -cbow ...}).
 */
@Command(
    name = "word2vec",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Train word2vec (skip-gram or CBOW, negative sampling and/or hierarchical softmax) on a "
            + "text file (.gz is read directly), streamed from disk.",
        "",
        "Example: seqlearn word2vec --train corpus.txt.gz --output vectors.bin --threads 2"})
public final class Word2VecCommand implements Callable<Integer> {

  @Mixin private CorpusTrainingOptions corpus;

  @Option(names = {"--binary", "-binary"}, arity = "0..1", fallbackValue = "1",
      description = "Like the C tool: 1 writes binary, 0 text (overrides --format).")
  private Integer binary;

  @Option(names = {"--cbow", "-cbow"}, arity = "0..1", fallbackValue = "1", defaultValue = "0",
      description = "1 for CBOW, 0 for skip-gram (default: ${DEFAULT-VALUE}).")
  private int cbow;

  @Option(names = {"--cbow-sum"}, description = "CBOW sums the context vectors instead of "
      + "averaging them.")
  private boolean cbowSum;

  @Option(names = {"--size", "-size"}, defaultValue = "100",
      description = "Vector dimension (default: ${DEFAULT-VALUE}).")
  private int size;

  @Option(names = {"--window", "-window"}, defaultValue = "5",
      description = "Maximum context distance (default: ${DEFAULT-VALUE}).")
  private int window;

  @Option(names = {"--negative", "-negative"}, defaultValue = "5",
      description = "Negative samples; 0 disables negative sampling (default: ${DEFAULT-VALUE}).")
  private int negative;

  @Option(names = {"--hs", "-hs"}, arity = "0..1", fallbackValue = "1", defaultValue = "0",
      description = "1 to use hierarchical softmax (default: ${DEFAULT-VALUE}).")
  private int hs;

  @Option(names = {"--sample", "-sample"}, defaultValue = "1e-3",
      description = "Subsampling threshold; 0 disables (default: ${DEFAULT-VALUE}).")
  private double sample;

  @Option(names = {"--iter", "-iter", "--epochs"}, defaultValue = "5",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = {"--alpha", "-alpha"}, defaultValue = "0.025",
      description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
  private double alpha;

  @Option(names = {"--min-alpha"}, defaultValue = "0.0001",
      description = "Final learning rate (default: ${DEFAULT-VALUE}).")
  private double minAlpha;

  @Option(names = {"--shared-negatives"}, description = "Skip-gram draws one set of negative "
      + "samples per centre word and reuses it for the whole window (pWord2Vec); faster, "
      + "slightly different updates.")
  private boolean sharedNegatives;

  @Option(names = {"--alpha-schedule"}, defaultValue = "LINEAR",
      description = "How the learning rate decays: LINEAR over all threads' words (word2vec.c), "
          + "or PER_THREAD, each thread against the whole epoch (gensim's corpus_file mode) "
          + "(default: ${DEFAULT-VALUE}).")
  private Word2VecConfig.AlphaSchedule alphaSchedule;

  @Option(names = {"--corpus-split"}, defaultValue = "REGIONS",
      description = "How threads share the corpus: REGIONS, each its own part of the file "
          + "(word2vec.c, gensim's corpus_file mode), or BATCHES, consecutive batches to "
          + "whichever thread is free (gensim with an iterable) (default: ${DEFAULT-VALUE}).")
  private Word2VecConfig.CorpusSplit corpusSplit;

  @Option(names = {"--report-seconds"}, defaultValue = "10",
      description = "Seconds between progress lines on stderr; 0 for none "
          + "(default: ${DEFAULT-VALUE}).")
  private double reportSeconds;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Word2VecConfig config = Word2VecConfig.builder()
        .architecture(flag("--cbow", cbow) ? Architecture.CBOW : Architecture.SKIP_GRAM)
        .cbowMean(!cbowSum).dimension(size).window(window).negative(negative)
        .hierarchicalSoftmax(flag("--hs", hs)).sample(sample).minCount(corpus.minCount)
        .epochs(epochs).alpha(alpha).minAlpha(minAlpha).threads(corpus.threads).seed(corpus.seed)
        .tokenization(corpus.tokenization()).sharedNegatives(sharedNegatives)
        .alphaSchedule(alphaSchedule).corpusSplit(corpusSplit).build();
    WordVectorFormat out = binary == null ? corpus.format.resolve(corpus.output)
        : flag("--binary", binary) ? WordVectorFormat.WORD2VEC_BINARY
        : WordVectorFormat.WORD2VEC_TEXT;
    corpus.requireFiles();
    PrintWriter err = spec.commandLine().getErr();
    long reportMillis = reportSeconds <= 0 ? Long.MAX_VALUE : (long) (reportSeconds * 1000);
    Word2VecResult r = InputFiles.using(corpus.train, "--train",
        () -> Word2VecTrainer.train(corpus.train, config, p -> {
          err.println(p);
          err.flush();
        }, reportMillis));
    InputFiles.using(corpus.output, "--output", () -> {
      r.model().wordVectors().save(corpus.output, out);
      return null;
    });
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "Vocabulary: %d words (min count %d) from %,d tokens in %.1f s%n",
        r.model().vocabulary().size(), corpus.minCount, r.model().vocabulary().rawWords(),
        r.vocabularySeconds());
    o.printf(Locale.ROOT, "Trained %s on %,d words (%,d after subsampling) in %.1f s: "
            + "%,.0f words/s, mean loss %.4f%n", config.architecture(), r.summary().rawWords(),
        r.effectiveWords(), r.summary().seconds(), r.summary().wordsPerSecond(),
        r.summary().meanLoss());
    o.printf("Wrote %s (%s)%n", corpus.output, out);
    return 0;
  }

  static boolean flag(String name, int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException(name + " must be 0 or 1, got " + value);
    }
    return value == 1;
  }
}
