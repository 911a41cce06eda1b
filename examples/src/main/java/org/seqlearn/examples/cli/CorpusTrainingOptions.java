package org.seqlearn.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.seqlearn.nlp.text.CorpusTokenization;
import picocli.CommandLine.Option;

/**
 * The corpus, output and run options that the {@code word2vec} and {@code glove} commands share
 * (a picocli mixin), with the single-dash names of the original C tools where they have one.
 */
final class CorpusTrainingOptions {

  @Option(names = {"--train", "-train"}, required = true, paramLabel = "FILE",
      description = "Corpus: UTF-8 text, one sentence per line; .gz is decompressed.")
  Path train;

  @Option(names = {"--output", "-output"}, required = true, paramLabel = "FILE",
      description = "Where to write the vectors (atomically).")
  Path output;

  @Option(names = "--format", defaultValue = "auto",
      description = "Output format: ${COMPLETION-CANDIDATES} (auto: binary for .bin, else "
          + "word2vec text; default: ${DEFAULT-VALUE}).")
  VectorFileFormat format;

  @Option(names = {"--min-count", "-min-count"}, defaultValue = "5",
      description = "Discard words seen fewer times (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = {"--threads", "-threads"}, defaultValue = "1",
      description = "Worker threads; 1 is reproducible for a seed (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--tokenizer", defaultValue = "text8",
      description = "text8 (lower-case a-z runs) or whitespace (default: ${DEFAULT-VALUE}).")
  String tokenizer;

  /** Checks the corpus and the output before any training is spent on them. */
  void requireFiles() {
    InputFiles.requireReadable(train, "--train");
    InputFiles.requireWritable(output, "--output");
  }

  /** The corpus tokenisation named by {@code --tokenizer}. */
  CorpusTokenization tokenization() {
    switch (tokenizer.toLowerCase(Locale.ROOT)) {
      case "text8":
        return CorpusTokenization.TEXT8;
      case "whitespace":
        return CorpusTokenization.WHITESPACE;
      default:
        throw new IllegalArgumentException("--tokenizer must be text8 or whitespace, got '"
            + tokenizer + "'");
    }
  }
}
