package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.layers.train.NonFiniteLossException;
import org.seqlearn.nlp.tagging.BiLstmTagger;
import org.seqlearn.nlp.tagging.ConllReader;
import org.seqlearn.nlp.tagging.TaggedSentence;
import org.seqlearn.nlp.tagging.TaggerEncoder;
import org.seqlearn.nlp.tagging.TaggerFile;
import org.seqlearn.nlp.tagging.TaggerOptions;
import org.seqlearn.nlp.tagging.TaggerTrainer;
import org.seqlearn.nlp.vectors.WordVectorReader;
import org.seqlearn.nlp.vectors.WordVectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn ner train}: trains a BiLSTM-CRF (or softmax) tagger on a CoNLL file, keeps the
 * epoch with the best dev entity F1 and saves it with its vocabularies.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains a BiLSTM tagger (word embeddings + character CNN, CRF or softmax output) on"
          + " --train, scores --dev after every epoch (conlleval entity F1) and saves the best"
          + " epoch to --out with its vocabularies and tags. Files are CoNLL format: token in"
          + " the first column, tag in the last.",
      "",
      "Example: seqlearn ner train --train train.conll --dev dev.conll --out ner.safetensors"
    })
public final class NerTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE",
      description = "Training set.")
  Path train;

  @Option(names = "--dev", required = true, paramLabel = "FILE",
      description = "Dev set, for model selection.")
  Path dev;

  @Option(names = "--out", required = true, paramLabel = "MODEL",
      description = "Where to save the tagger (safetensors).")
  Path out;

  @ArgGroup(exclusive = true)
  Output output = new Output();

  static final class Output {
    @Option(names = "--crf", description = "Linear-chain CRF output (default).")
    boolean crf;

    @Option(names = "--softmax", description = "Per-token softmax output.")
    boolean softmax;
  }

  @Option(names = "--epochs", defaultValue = "10",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch-size", defaultValue = "16",
      description = "Sentences per batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.005",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--word-dim", defaultValue = "100",
      description = "Word embedding size (default: ${DEFAULT-VALUE}).")
  int wordDim;

  @Option(names = "--char-filters", defaultValue = "30",
      description = "Character CNN filters, 0 for none (default: ${DEFAULT-VALUE}).")
  int charFilters;

  @Option(names = "--hidden", defaultValue = "100",
      description = "BiLSTM hidden size per direction (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--dropout", defaultValue = "0.5",
      description = "Dropout (default: ${DEFAULT-VALUE}).")
  float dropout;

  @Option(names = "--min-count", defaultValue = "1",
      description = "Rarer training words are unknown (default: ${DEFAULT-VALUE}).")
  long minCount;

  @Option(names = "--vectors", paramLabel = "FILE",
      description = "Pretrained word vectors to start the word embeddings from (their dimension"
          + " replaces --word-dim).")
  Path vectors;

  @Option(names = "--vectors-format", defaultValue = "auto",
      description = "auto (.bin is binary), text, binary (word2vec) or glove (default:"
          + " ${DEFAULT-VALUE}).")
  VectorFileFormat vectorsFormat;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      List<TaggedSentence> trainSet = read(train);
      List<TaggedSentence> devSet = read(dev);
      TaggerEncoder encoder = TaggerEncoder.fit(trainSet, minCount, 30);
      WordVectors pretrained = vectors == null ? null
          : WordVectorReader.read(vectors, vectorsFormat.resolve(vectors));
      int dim = pretrained == null ? wordDim : pretrained.dimension();
      BiLstmTagger tagger = new BiLstmTagger(new TaggerOptions(encoder.words().size(),
          encoder.chars().size(), encoder.tags().size(), dim, 25, charFilters, 3, hidden, 1,
          dropout, !output.softmax, seed));
      if (pretrained != null) {
        int found = tagger.initWordEmbeddings(encoder.words(), pretrained);
        stdout.println(found + " of " + (encoder.words().size() - 2)
            + " training words have a pretrained vector");
      }
      new TaggerTrainer(epochs, batchSize, lr, 5.0, seed).fit(tagger, encoder, trainSet, devSet,
          e -> {
            stdout.printf(Locale.ROOT, "epoch %d  loss %.4f  dev F1 %.2f%n", e.epoch(), e.loss(),
                e.devF1());
            stdout.flush();
          });
      TaggerFile.save(out, tagger, encoder);
      stdout.println("saved the best dev epoch to " + out);
      stdout.flush();
      return 0;
    } catch (IllegalArgumentException | NonFiniteLossException | IOException e) {
      String message = e instanceof NoSuchFileException ? "no such file: " + e.getMessage()
          : e.getMessage();
      spec.commandLine().getErr().println("ner train: " + message);
      return 2;
    }
  }

  static List<TaggedSentence> read(Path file) throws IOException {
    List<TaggedSentence> sentences = new ConllReader().read(file);
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException(file + " has no tokens (expected a CoNLL file)");
    }
    return sentences;
  }
}
