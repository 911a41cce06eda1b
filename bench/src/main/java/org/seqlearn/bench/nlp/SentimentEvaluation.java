package org.seqlearn.bench.nlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seqlearn.nlp.sentiment.AveragingClassifier;
import org.seqlearn.nlp.sentiment.CrossValidationResult;
import org.seqlearn.nlp.sentiment.LstmClassifier;
import org.seqlearn.nlp.sentiment.SentenceEncoder;
import org.seqlearn.nlp.sentiment.SentimentDataset;
import org.seqlearn.nlp.sentiment.SentimentTrainer;
import org.seqlearn.nlp.text.WordTokenizer;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectorReader;
import org.seqlearn.nlp.vectors.WordVectors;

/**
 * k-fold cross-validation of the two sentiment models (A: averaged word vectors → softmax; B:
 * frozen embedding → LSTM → dropout → softmax) on a {@code label<TAB>sentence} file; prints each
 * model's mean accuracy ± sample standard deviation over the folds and the confusion matrix
 * pooled over the folds.
 *
 * <pre>
 * java -cp ... org.seqlearn.bench.nlp.SentimentEvaluation DATA.tsv VECTORS [folds=10]
 *     [epochsA=30] [epochsB=5] [hidden=64]
 * </pre>
 *
 * <p>VECTORS is word2vec binary when its name ends in {@code .bin}, else word2vec text. Only the
 * vectors of words that occur in the data are kept.
 */
public final class SentimentEvaluation {

  private SentimentEvaluation() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SentimentEvaluation DATA.tsv VECTORS [folds=10] [epochsA=30]"
          + " [epochsB=5] [hidden=64]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Path vectorsFile = Path.of(args[1]);
    int folds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int epochsA = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    int epochsB = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    int hidden = args.length > 5 ? Integer.parseInt(args[5]) : 64;

    SentimentDataset dataset = SentimentDataset.read(data);
    WordVectorFormat format = vectorsFile.toString().endsWith(".bin")
        ? WordVectorFormat.WORD2VEC_BINARY : WordVectorFormat.WORD2VEC_TEXT;
    WordVectors all = WordVectorReader.read(vectorsFile, format);
    WordVectors vectors = restrict(all, dataset);
    SentenceEncoder encoder = new SentenceEncoder(vectors);
    long tokens = 0;
    long known = 0;
    WordTokenizer tok = new WordTokenizer(WordTokenizer.Mode.WHITESPACE, true);
    for (String t : dataset.texts()) {
      tokens += tok.tokenize(t).size();
      known += encoder.encode(t).length;
    }
    int classes = dataset.numClasses();
    System.out.printf(Locale.ROOT, "data: %d sentences, %d classes; vectors: %d words x %d"
            + " (%d used); token coverage %.1f%%; %d folds%n", dataset.size(), classes,
        all.size(), all.dimension(), vectors.size(), 100.0 * known / tokens, folds);

    SentimentTrainer trainerA = new SentimentTrainer(epochsA, 64, 0.01, 1);
    long t0 = System.nanoTime();
    CrossValidationResult a = trainerA.crossValidate(folds, dataset, encoder,
        () -> new AveragingClassifier(encoder.embeddingMatrix(), classes, 1));
    report("A averaging (epochs " + epochsA + ", batch 64, Adam 0.01)", a, t0);

    SentimentTrainer trainerB = new SentimentTrainer(epochsB, 32, 0.003, 1);
    t0 = System.nanoTime();
    CrossValidationResult b = trainerB.crossValidate(folds, dataset, encoder,
        () -> new LstmClassifier(encoder.embeddingMatrix(), true, hidden, 0.5f, classes, 1));
    report("B LSTM(" + hidden + ", frozen, dropout 0.5; epochs " + epochsB
        + ", batch 32, Adam 0.003)", b, t0);
  }

  private static WordVectors restrict(WordVectors all, SentimentDataset dataset) {
    WordTokenizer tok = new WordTokenizer(WordTokenizer.Mode.WHITESPACE, true);
    Set<String> used = new LinkedHashSet<>();
    for (String t : dataset.texts()) {
      for (String w : tok.tokenize(t)) {
        if (all.contains(w)) {
          used.add(w);
        }
      }
    }
    List<String> words = new ArrayList<>(used);
    int d = all.dimension();
    float[] m = new float[words.size() * d];
    for (int i = 0; i < words.size(); i++) {
      System.arraycopy(all.vector(words.get(i)), 0, m, i * d, d);
    }
    return WordVectors.of(words, m, d);
  }

  private static void report(String name, CrossValidationResult r, long t0) {
    StringBuilder folds = new StringBuilder();
    for (double acc : r.foldAccuracies()) {
      folds.append(String.format(Locale.ROOT, " %.4f", acc));
    }
    System.out.printf(Locale.ROOT, "%s: mean accuracy %.4f ± %.4f (std over %d folds) in %.1f s"
            + "%n  folds:%s%n", name, r.meanAccuracy(), r.stdAccuracy(), r.folds().size(),
        (System.nanoTime() - t0) / 1e9, folds);
    System.out.println("  pooled confusion [true][predicted]:");
    System.out.print(r.pooled().toString().indent(4));
  }
}
