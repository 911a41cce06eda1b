package org.seqlearn.bench.nlp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.seqlearn.layers.train.EpochResult;
import org.seqlearn.nlp.sentiment.AveragingClassifier;
import org.seqlearn.nlp.sentiment.CrossValidationResult;
import org.seqlearn.nlp.sentiment.DatasetVectors;
import org.seqlearn.nlp.sentiment.LstmClassifier;
import org.seqlearn.nlp.sentiment.LstmClassifierOptions;
import org.seqlearn.nlp.sentiment.Pooling;
import org.seqlearn.nlp.sentiment.ReviewTokenizer;
import org.seqlearn.nlp.sentiment.SentenceEncoder;
import org.seqlearn.nlp.sentiment.SentimentDataset;
import org.seqlearn.nlp.sentiment.SentimentTrainer;
import org.seqlearn.nlp.text.Text8Tokenizer;
import org.seqlearn.nlp.text.Tokenizer;
import org.seqlearn.nlp.text.WordTokenizer;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectorReader;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * k-fold cross-validation of the two sentiment models (A: average of the frozen word vectors →
 * linear → softmax; B: embedding → LSTM → pooling → dropout → linear → softmax) on a {@code
 * label<TAB>sentence} file; prints each model's mean accuracy ± sample standard deviation over
 * the folds and the confusion matrix pooled over the folds.
 *
 * <pre>
 * java -cp ... org.seqlearn.bench.nlp.SentimentEvaluation DATA.tsv VECTORS [--option=value ...]
 * </pre>
 *
 * <p>VECTORS is word2vec binary when its name ends in {@code .bin}, else word2vec text. Only the
 * vectors of words that occur in the data are kept. Options (defaults in brackets):
 *
 * <ul>
 *   <li>data: {@code --folds} [10], {@code --run-folds} (first n folds only) [all], {@code
 *       --seed} (folds, shuffling, validation split, weights) [1], {@code --models} (A, B or AB)
 *       [AB], {@code --tokenizer} (review, review-punct, text8 or whitespace) [review], {@code
 *       --unknown-min-count} (random vectors for tokens without one seen that often; 0 = none)
 *       [0];
 *   <li>model A: {@code --a-epochs} [50], {@code --a-batch} [64], {@code --a-lr} [0.01], {@code
 *       --a-wd} [0], {@code --a-clip} [0: none], {@code --a-val} [0.1], {@code --a-patience}
 *       [5] (0: no early stopping);
 *   <li>model B: {@code --b-epochs} [8], {@code --b-batch} [32], {@code --b-lr} [0.001], {@code
 *       --b-wd} [0], {@code --b-clip} [5], {@code --b-val} [0.1], {@code --b-patience} [2],
 *       {@code --hidden} [100], {@code --bidirectional} [true], {@code --pooling} (last, max,
 *       mean) [max], {@code --trainable} [true], {@code --emb-dropout} [0.25], {@code
 *       --dropout} [0.5];
 *   <li>{@code --verbose} [false]: one line per epoch on stderr.
 * </ul>
 */
public final class SentimentEvaluation {

  private SentimentEvaluation() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SentimentEvaluation DATA.tsv VECTORS [--option=value ...]");
      System.exit(2);
    }
    Options o = new Options(args);
    Path vectorsFile = Path.of(args[1]);
    int folds = o.integer("folds", 10);
    int runFolds = o.integer("run-folds", folds);
    long seed = o.integer("seed", 1);
    String models = o.string("models", "AB").toUpperCase(Locale.ROOT);
    Tokenizer tokenizer = tokenizer(o.string("tokenizer", "review"));
    int unknownMinCount = o.integer("unknown-min-count", 0);
    boolean verbose = o.bool("verbose", false);

    SentimentDataset dataset = SentimentDataset.read(Path.of(args[0]));
    WordVectorFormat format = vectorsFile.toString().endsWith(".bin")
        ? WordVectorFormat.WORD2VEC_BINARY : WordVectorFormat.WORD2VEC_TEXT;
    WordVectors all = WordVectorReader.read(vectorsFile, format);
    DatasetVectors.Coverage coverage = DatasetVectors.coverage(all, dataset.texts(), tokenizer);
    WordVectors vectors = DatasetVectors.of(all, dataset.texts(), tokenizer, unknownMinCount,
        seed);
    SentenceEncoder encoder = new SentenceEncoder(vectors, tokenizer);
    int classes = dataset.numClasses();
    System.out.printf(Locale.ROOT, "data: %d sentences, %d classes; vectors: %d words x %d"
            + " (%d used, %d of them random); coverage %.1f%% of %d tokens, %.1f%% of %d types;"
            + " %d of %d folds, seed %d%n", dataset.size(), classes, all.size(),
        all.dimension(), vectors.size(), vectors.size() - coverage.knownTypes(),
        100 * coverage.tokenShare(), coverage.tokens(), 100 * coverage.typeShare(),
        coverage.types(), runFolds, folds, seed);

    if (models.contains("A")) {
      SentimentTrainer trainer = trainer(o, "a", 50, 64, 0.01, 0, 0.1, 5, seed, verbose);
      long t0 = System.nanoTime();
      CrossValidationResult a = trainer.crossValidate(folds, runFolds, dataset, encoder,
          () -> new AveragingClassifier(encoder.embeddingMatrix(), classes, seed));
      report("A averaging, " + trainer, a, t0);
    }
    if (models.contains("B")) {
      SentimentTrainer trainer = trainer(o, "b", 8, 32, 0.001, 5, 0.1, 2, seed, verbose);
      LstmClassifierOptions lstm = LstmClassifierOptions.defaults()
          .hiddenSize(o.integer("hidden", 100)).bidirectional(o.bool("bidirectional", true))
          .pooling(Pooling.valueOf(o.string("pooling", "max").toUpperCase(Locale.ROOT)))
          .freezeEmbeddings(!o.bool("trainable", true))
          .embeddingDropout((float) o.number("emb-dropout", 0.25))
          .dropout((float) o.number("dropout", 0.5)).seed(seed);
      long t0 = System.nanoTime();
      CrossValidationResult b = trainer.crossValidate(folds, runFolds, dataset, encoder,
          () -> new LstmClassifier(encoder.embeddingMatrix(), classes, lstm));
      report("B " + lstm + ", " + trainer, b, t0);
    }
  }

  private static Tokenizer tokenizer(String name) {
    switch (name) {
      case "review":
        return new ReviewTokenizer();
      case "review-punct":
        return new ReviewTokenizer(Set.of("!", "?"));
      case "text8":
        return new Text8Tokenizer();
      case "whitespace":
        return new WordTokenizer(WordTokenizer.Mode.WHITESPACE, true);
      default:
        throw new IllegalArgumentException("--tokenizer must be review, review-punct, text8 or"
            + " whitespace, got '" + name + "'");
    }
  }

  private static SentimentTrainer trainer(Options o, String m, int epochs, int batch, double lr,
      double clip, double val, int patience, long seed, boolean verbose) {
    SentimentTrainer t = new SentimentTrainer(o.integer(m + "-epochs", epochs),
        o.integer(m + "-batch", batch), o.number(m + "-lr", lr), seed)
        .weightDecay(o.number(m + "-wd", 0));
    double c = o.number(m + "-clip", clip);
    if (c > 0) {
      t = t.clipGradNorm(c);
    }
    int p = o.integer(m + "-patience", patience);
    if (p > 0) {
      t = t.earlyStopping(o.number(m + "-val", val), p);
    }
    if (verbose) {
      t = t.onEpoch(SentimentEvaluation::printEpoch);
    }
    return t;
  }

  private static void printEpoch(EpochResult r) {
    StringBuilder sb = new StringBuilder("  epoch " + r.epoch());
    r.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
    sb.append(String.format(Locale.ROOT, " (%.1f s)", r.seconds()));
    System.err.println(sb);
  }

  private static void report(String name, CrossValidationResult r, long t0) {
    StringBuilder folds = new StringBuilder();
    for (double acc : r.foldAccuracies()) {
      folds.append(String.format(Locale.ROOT, " %.4f", acc));
    }
    System.out.printf(Locale.ROOT, "%s:%n  mean accuracy %.4f ± %.4f (std over %d folds) in"
            + " %.1f s%n  folds:%s%n", name, r.meanAccuracy(), r.stdAccuracy(),
        r.folds().size(), (System.nanoTime() - t0) / 1e9, folds);
    System.out.println("  pooled confusion [true][predicted]:");
    System.out.print(r.pooled().toString().indent(4));
  }

  /** {@code --name=value} options after the two positional arguments. */
  private static final class Options {
    private static final Set<String> KNOWN = Set.of("folds", "run-folds", "seed", "models",
        "tokenizer", "unknown-min-count", "verbose", "a-epochs", "a-batch", "a-lr", "a-wd",
        "a-clip", "a-val", "a-patience", "b-epochs", "b-batch", "b-lr", "b-wd", "b-clip", "b-val",
        "b-patience", "hidden", "bidirectional", "pooling", "trainable", "emb-dropout",
        "dropout");

    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String[] args) {
      for (int i = 2; i < args.length; i++) {
        String a = args[i];
        int eq = a.indexOf('=');
        if (!a.startsWith("--") || eq < 0 || !KNOWN.contains(a.substring(2, eq))) {
          throw new IllegalArgumentException("expected --option=value with a known option "
              + new java.util.TreeSet<>(KNOWN) + ", got '" + a + "'");
        }
        values.put(a.substring(2, eq), a.substring(eq + 1));
      }
    }

    String string(String name, String fallback) {
      return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
      return Integer.parseInt(string(name, String.valueOf(fallback)));
    }

    double number(String name, double fallback) {
      return Double.parseDouble(string(name, String.valueOf(fallback)));
    }

    boolean bool(String name, boolean fallback) {
      return Boolean.parseBoolean(string(name, String.valueOf(fallback)));
    }
  }
}
