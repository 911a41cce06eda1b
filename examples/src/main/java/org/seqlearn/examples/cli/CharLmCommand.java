package org.seqlearn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.seqlearn.examples.charlm.CharLmDemo;
import org.seqlearn.examples.charlm.CharLmSettings;
import org.seqlearn.examples.charlm.NameCorpus;
import org.seqlearn.nlp.lm.CellType;
import org.seqlearn.nlp.lm.SamplingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn charlm}: trains a character-level language model and samples names from it
 * (see {@link CharLmDemo}).
 */
@Command(
    name = "charlm",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Train a character-level language model and sample new names from it.",
        "",
        "The course's dinosaur-names exercise on a corpus every JDK ships: city names from the "
            + "time-zone database and English country and language names (lower-cased), or "
            + "the lines of --text. Trains an embedding -> LSTM/GRU/RNN -> softmax model with "
            + "teacher forcing and gradient clipping, prints the held-out bits per character "
            + "(<eos> included) and samples names one character at a time, marking the novel "
            + "ones. The same seed gives the same output."})
public final class CharLmCommand implements Callable<Integer> {

  @Option(names = "--text", paramLabel = "FILE",
      description = "Train on this UTF-8 file, one sequence per line, instead of the built-in "
          + "names.")
  private Path text;

  @Option(names = "--lower-case",
      description = "Lower-case the lines of --text first (the built-in names already are).")
  private boolean lowerCase;

  @Option(names = "--held-out", paramLabel = "FRACTION", defaultValue = "0.1",
      description = "Share of the lines held out for scoring (default: ${DEFAULT-VALUE}).")
  private double heldOut;

  @Option(names = "--cell", paramLabel = "lstm|gru|rnn", defaultValue = "lstm",
      description = "Recurrent cell (default: ${DEFAULT-VALUE}).")
  private String cell;

  @Option(names = "--embedding", defaultValue = "32",
      description = "Features per character (default: ${DEFAULT-VALUE}).")
  private int embedding;

  @Option(names = "--hidden", defaultValue = "64",
      description = "Hidden units per layer (default: ${DEFAULT-VALUE}).")
  private int hidden;

  @Option(names = "--layers", defaultValue = "1",
      description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
  private int layers;

  @Option(names = "--dropout", defaultValue = "0.2",
      description = "Dropout on embeddings and layer outputs while training (default: "
          + "${DEFAULT-VALUE}).")
  private float dropout;

  @Option(names = "--epochs", defaultValue = "15",
      description = "Passes over the training names (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--batch", defaultValue = "8",
      description = "Names per training step (default: ${DEFAULT-VALUE}).")
  private int batch;

  @Option(names = "--lr", defaultValue = "0.01",
      description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  private double lr;

  @Option(names = "--clip", defaultValue = "5.0",
      description = "Clip the global gradient norm to this; 0 = off (default: ${DEFAULT-VALUE}).")
  private double clip;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of the split, weights, batches and samples (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--temperature", defaultValue = "1.0",
      description = "Sampling temperature; 0 = greedy (default: ${DEFAULT-VALUE}).")
  private double temperature;

  @Option(names = "--top-k", defaultValue = "0",
      description = "Sample among the k most probable characters; 0 = off (default: "
          + "${DEFAULT-VALUE}).")
  private int topK;

  @Option(names = "--top-p", defaultValue = "1.0",
      description = "Nucleus sampling: the smallest set with probability >= p; 1 = off "
          + "(default: ${DEFAULT-VALUE}).")
  private double topP;

  @Option(names = "--samples", defaultValue = "12",
      description = "Names to sample (default: ${DEFAULT-VALUE}).")
  private int samples;

  @Option(names = "--max-length", defaultValue = "50",
      description = "Longest sampled name, in characters (default: ${DEFAULT-VALUE}).")
  private int maxLength;

  @Option(names = "--save", paramLabel = "FILE",
      description = "Write the trained model and vocabulary to this safetensors file "
          + "(atomically), with its held-out score; an existing file is only replaced by a "
          + "better model (see --overwrite).")
  private Path save;

  @Option(names = "--overwrite",
      description = "Let --save replace an existing model even if its recorded held-out score "
          + "is better (by default only a better model replaces it; a diverged one never does).")
  private boolean overwrite;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CharLmSettings settings = settings();
    List<String> corpus = text == null ? NameCorpus.builtIn()
        : InputFiles.using(text, "--text", () -> NameCorpus.read(text));
    PrintWriter out = spec.commandLine().getOut();
    new CharLmDemo(settings, out, System.console() != null).run(corpus);
    return 0;
  }

  /** The validated settings; bad values throw {@link IllegalArgumentException} naming them. */
  CharLmSettings settings() {
    if (text != null) {
      InputFiles.requireReadable(text, "--text");
    }
    if (save != null) {
      InputFiles.requireWritable(save, "--save");
    }
    require(heldOut > 0 && heldOut < 1, "--held-out must be in (0, 1), got " + heldOut);
    require(embedding >= 1 && embedding <= 4096, "--embedding must be in [1, 4096], got "
        + embedding);
    require(hidden >= 1 && hidden <= 4096, "--hidden must be in [1, 4096], got " + hidden);
    require(layers >= 1 && layers <= 16, "--layers must be in [1, 16], got " + layers);
    require(dropout >= 0 && dropout < 1, "--dropout must be in [0, 1), got " + dropout);
    require(epochs >= 1, "--epochs must be >= 1, got " + epochs);
    require(batch >= 1, "--batch must be >= 1, got " + batch);
    require(lr > 0 && lr < 10, "--lr must be in (0, 10), got " + lr);
    require(clip >= 0 && !Double.isInfinite(clip), "--clip must be >= 0, got " + clip);
    require(temperature >= 0 && !Double.isInfinite(temperature),
        "--temperature must be >= 0, got " + temperature);
    require(topK >= 0, "--top-k must be >= 0, got " + topK);
    require(topP > 0 && topP <= 1, "--top-p must be in (0, 1], got " + topP);
    require(samples >= 0, "--samples must be >= 0, got " + samples);
    require(maxLength >= 1, "--max-length must be >= 1, got " + maxLength);
    CellType cellType;
    try {
      cellType = CellType.parse(cell);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cell: " + e.getMessage(), e);
    }
    return new CharLmSettings(text, lowerCase, heldOut, embedding, hidden, layers, cellType,
        dropout, epochs, batch, lr, clip, seed,
        new SamplingOptions(temperature, topK, topP, maxLength), samples, save, overwrite);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
