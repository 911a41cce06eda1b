package org.seqlearn.bench.nlp;

import java.nio.file.Path;
import java.util.Locale;
import org.seqlearn.nlp.text.CorpusTokenization;
import org.seqlearn.nlp.vectors.AnalogyResult;
import org.seqlearn.nlp.vectors.WordVectorFormat;
import org.seqlearn.nlp.vectors.WordVectors;
import org.seqlearn.nlp.word2vec.Word2VecConfig;
import org.seqlearn.nlp.word2vec.Word2VecResult;
import org.seqlearn.nlp.word2vec.Word2VecTrainer;

/**
 * The seqlearn side of the word2vec corpus comparison with gensim ({@code
 * bench/scripts/word2vec_vs_gensim.sh} runs both): trains on a corpus file with the given
 * settings, prints timing and words per second in the same form as {@code gensim_word2vec.py},
 * and evaluates the vectors on an analogy file (30,000 most frequent words, case-insensitive).
 *
 * <pre>
 * java -cp ... org.seqlearn.bench.nlp.Word2VecCorpusRun CORPUS QUESTIONS OUT sg|cbow
 *     [epochs] [threads]
 * </pre>
 *
 * <p>The learning rate follows {@link Word2VecConfig.AlphaSchedule#PER_THREAD}, as gensim's
 * {@code corpus_file} mode does ({@code -Dword2vec.schedule=LINEAR} for the C tool's schedule),
 * and skip-gram shares its negatives over each window ({@code -Dword2vec.sharedNegatives=false}
 * for word2vec's per-pair negatives).
 */
public final class Word2VecCorpusRun {

  private Word2VecCorpusRun() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path questions = Path.of(args[1]);
    Path out = Path.of(args[2]);
    boolean cbow = args[3].equals("cbow");
    int epochs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    // gensim's corpus_file mode decays alpha per worker; -Dword2vec.schedule=LINEAR for the C
    // tool's schedule. Skip-gram shares its negatives over the window unless
    // -Dword2vec.sharedNegatives=false.
    Word2VecConfig.AlphaSchedule schedule = Word2VecConfig.AlphaSchedule.valueOf(
        System.getProperty("word2vec.schedule", "PER_THREAD"));
    boolean sharedNegatives = Boolean.parseBoolean(
        System.getProperty("word2vec.sharedNegatives", "true"));
    long seed = Long.getLong("word2vec.seed", 1L);
    Word2VecConfig.CorpusSplit split = Word2VecConfig.CorpusSplit.valueOf(
        System.getProperty("word2vec.split", "REGIONS"));
    Word2VecConfig config = Word2VecConfig.builder()
        .architecture(cbow ? Word2VecConfig.Architecture.CBOW
            : Word2VecConfig.Architecture.SKIP_GRAM)
        .dimension(100).window(5).negative(5).sample(1e-3).minCount(5).epochs(epochs)
        .threads(threads).seed(seed).tokenization(CorpusTokenization.TEXT8)
        .sharedNegatives(sharedNegatives).alphaSchedule(schedule).corpusSplit(split).build();
    System.out.println("seqlearn settings: shared negatives " + config.sharedNegatives()
        + ", alpha schedule " + config.alphaSchedule() + ", corpus split " + config.corpusSplit()
        + ", seed " + seed);
    Word2VecResult r = Word2VecTrainer.train(corpus, config,
        p -> System.out.println("  " + p), 10_000);
    double seconds = r.summary().seconds();
    long raw = r.summary().rawWords();
    System.out.printf(Locale.ROOT, "seqlearn %s: vocab %d words (%.1f s), trained %,d raw words "
            + "(%,d effective) in %.1f s: %,.0f raw words/s, %,.0f effective words/s, "
            + "mean loss %.4f%n",
        cbow ? "cbow" : "sg", r.model().vocabulary().size(), r.vocabularySeconds(), raw,
        r.effectiveWords(), seconds, raw / seconds, r.effectiveWords() / seconds,
        r.summary().meanLoss());
    WordVectors vectors = r.model().wordVectors();
    vectors.save(out, WordVectorFormat.WORD2VEC_BINARY);
    AnalogyResult a = vectors.evaluateWordAnalogies(questions, 30_000, true);
    System.out.printf(Locale.ROOT, "seqlearn analogy accuracy: %.2f%% (%d/%d; semantic %.2f%%, "
            + "syntactic %.2f%%)%n", 100 * a.score(), a.total().correct(),
        a.total().correct() + a.total().incorrect(), 100 * a.semantic().accuracy(),
        100 * a.syntactic().accuracy());
  }
}
