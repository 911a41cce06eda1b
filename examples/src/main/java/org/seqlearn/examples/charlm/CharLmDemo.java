package org.seqlearn.examples.charlm;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.nlp.lm.EpochReport;
import org.seqlearn.nlp.lm.Evaluation;
import org.seqlearn.nlp.lm.LanguageModelConfig;
import org.seqlearn.nlp.lm.LanguageModelEvaluator;
import org.seqlearn.nlp.lm.LanguageModelFile;
import org.seqlearn.nlp.lm.LanguageModelTrainer;
import org.seqlearn.nlp.lm.RecurrentLanguageModel;
import org.seqlearn.nlp.lm.Sample;
import org.seqlearn.nlp.lm.SamplingOptions;
import org.seqlearn.nlp.lm.SequenceSampler;
import org.seqlearn.nlp.lm.TrainingOptions;
import org.seqlearn.nlp.text.CharacterTokenizer;
import org.seqlearn.nlp.text.CorpusSplit;
import org.seqlearn.nlp.text.Vocabulary;

/**
 * The {@code charlm} demo: the course's "dinosaur names" exercise on names every JDK ships. Reads
 * the corpus, holds some names out, trains a character-level language model with teacher
 * forcing, scores the held-out names exactly (bits per character, ⟨EOS⟩ included), and samples
 * new names one character at a time, marking those that are not in the corpus.
 */
public final class CharLmDemo {

  private static final int EVAL_BATCH = 256;

  private final CharLmSettings settings;
  private final PrintWriter out;
  private final boolean interactive;

  /**
   * @param out where the report goes
   * @param interactive whether {@code out} is a terminal: then progress is redrawn in place
   *     after every step; otherwise one line per epoch
   */
  public CharLmDemo(CharLmSettings settings, PrintWriter out, boolean interactive) {
    this.settings = settings;
    this.out = out;
    this.interactive = interactive;
  }

  /**
   * Runs the demo and prints its report; the same settings give the same output.
   *
   * @throws IllegalArgumentException if {@code --save} names an existing file without a score
   *     to compare with (checked before training)
   * @throws ModelNotSavedException if the trained model scores no better than that file
   * @throws org.seqlearn.layers.train.NonFiniteLossException if training diverges
   */
  public CharLmResult run() throws IOException {
    return run(settings.text() == null ? NameCorpus.builtIn() : NameCorpus.read(settings.text()));
  }

  /**
   * Runs the demo on {@code corpus}, the lines already read from the settings' text file (or the
   * built-in names when it is null).
   */
  public CharLmResult run(List<String> corpus) throws IOException {
    long start = System.nanoTime();
    CharLmSettings s = settings;
    BestModelGuard guard = s.save() == null ? null : BestModelGuard.open(s.save(), s.overwrite());
    out.printf(Locale.ROOT, "corpus      %s%n", s.text() == null
        ? corpus.size() + " names built from the JDK (time-zone cities, countries and "
            + "languages), lower-cased"
        : corpus.size() + " lines of " + s.text() + (s.lowerCase() ? ", lower-cased" : ""));
    // one seed, four independent streams
    Rng seeds = new Rng(s.seed());
    long splitSeed = seeds.nextLong();
    long modelSeed = seeds.nextLong();
    long batchSeed = seeds.nextLong();
    long sampleSeed = seeds.nextLong();
    if (s.lowerCase()) {
      corpus = corpus.stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
    }
    CorpusSplit split = CorpusSplit.of(corpus, s.heldOutFraction(), splitSeed);
    out.printf(Locale.ROOT, "split       %d training, %d held-out (%.0f%%, seed %d)%n",
        split.training().size(), split.heldOut().size(), 100 * s.heldOutFraction(), s.seed());

    CharacterTokenizer tokenizer = new CharacterTokenizer(false);
    var builder = Vocabulary.builder();
    split.training().forEach(name -> builder.add(tokenizer.tokenize(name)));
    Vocabulary vocabulary = builder.build();
    int eos = vocabulary.specialId(Vocabulary.EOS);
    int pad = vocabulary.specialId(Vocabulary.PAD);
    int unk = vocabulary.specialId(Vocabulary.UNK);
    out.printf(Locale.ROOT, "vocabulary  %d ids: <pad>, <unk>, <eos> and %d characters%n",
        vocabulary.size(), vocabulary.size() - vocabulary.specialCount());

    RecurrentLanguageModel model = new RecurrentLanguageModel(new LanguageModelConfig(
        vocabulary.size(), s.embeddingSize(), s.hiddenSize(), s.numLayers(), s.cell(),
        s.dropout(), modelSeed));
    out.printf(Locale.ROOT, "model       %s, embedding %d, hidden %d, %d layer%s, dropout %s, "
            + "%,d parameters%n", s.cell(), s.embeddingSize(), s.hiddenSize(), s.numLayers(),
        s.numLayers() == 1 ? "" : "s", s.dropout(), parameterCount(model));
    out.printf(Locale.ROOT, "training    %d epochs, batch %d, Adam lr %s, clip %s, teacher "
            + "forcing%n", s.epochs(), s.batchSize(), s.learningRate(),
        s.clipNorm() > 0 ? "norm " + s.clipNorm() : "off");
    out.flush();

    List<int[]> train = encode(split.training(), vocabulary, tokenizer);
    List<int[]> held = encode(split.heldOut(), vocabulary, tokenizer);
    LanguageModelTrainer trainer = new LanguageModelTrainer(model, eos, pad, new TrainingOptions(
        s.epochs(), s.batchSize(), s.learningRate(), s.clipNorm(), batchSeed));
    double[] epochLoss = trainer.train(train, r -> progress(r, model, held, eos, pad));

    Evaluation heldOut = LanguageModelEvaluator.evaluate(model, held, eos, pad, EVAL_BATCH);
    double uniform = Math.log(vocabulary.size()) / Math.log(2);
    out.printf(Locale.ROOT, "held-out    %.3f bits/char (perplexity %.2f) over %,d predicted "
            + "characters, <eos> included; uniform guess: %.3f bits/char%n",
        heldOut.bitsPerToken(), heldOut.perplexity(), heldOut.predictedTokens(), uniform);

    List<String> samples = new ArrayList<>();
    List<Boolean> novel = new ArrayList<>();
    sample(model, vocabulary, eos, pad, unk, split, new Rng(sampleSeed), samples, novel);

    if (guard != null) {
      String refusal = guard.refusal(heldOut.bitsPerToken());
      if (refusal != null) {
        out.flush();
        throw new ModelNotSavedException(refusal);
      }
      LanguageModelFile.save(s.save(), model, vocabulary,
          BestModelGuard.metadata(heldOut.bitsPerToken()));
      out.printf("saved       %s%n", s.save());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "time        %.1f s%n", seconds);
    out.flush();
    return new CharLmResult(corpus.size(), vocabulary.size(), epochLoss, heldOut, uniform,
        samples, novel, seconds);
  }

  private void sample(RecurrentLanguageModel model, Vocabulary vocabulary, int eos, int pad,
      int unk, CorpusSplit split, Rng rng, List<String> samples, List<Boolean> novel) {
    SamplingOptions o = settings.sampling();
    out.printf(Locale.ROOT, "samples     temperature %s, top-k %s, top-p %s, at most %d "
            + "characters%n", o.temperature(), o.topK() == 0 ? "off" : o.topK(),
        o.topP() == 1 ? "off" : o.topP(), o.maxLength());
    Set<String> training = new HashSet<>(split.training());
    Set<String> heldOut = new HashSet<>(split.heldOut());
    SequenceSampler sampler = new SequenceSampler(model, eos, pad, unk);
    int novelCount = 0;
    for (int i = 0; i < settings.samples(); i++) {
      Sample sample = sampler.sample(o, rng);
      String name = String.join("", vocabulary.decode(sample.tokens()));
      boolean isNovel = !training.contains(name) && !heldOut.contains(name);
      novelCount += isNovel ? 1 : 0;
      String tag = isNovel ? "novel" : training.contains(name) ? "in the training names"
          : "a held-out name (never trained on)";
      if (!sample.endedWithEos()) {
        tag += ", cut at " + o.maxLength() + " characters";
      }
      out.printf(Locale.ROOT, "  %2d. %-28s %s%n", i + 1, name, tag);
      samples.add(name);
      novel.add(isNovel);
    }
    out.printf(Locale.ROOT, "novel       %d of %d samples are not in the corpus%n", novelCount,
        settings.samples());
  }

  /**
   * One line per epoch: the training loss (nats and bits per character, averaged over the
   * epoch's steps), the held-out bits per character at the end of the epoch and the epoch's own
   * time (the total is printed at the end).
   */
  private void progress(EpochReport r, RecurrentLanguageModel model, List<int[]> held, int eos,
      int pad) {
    String line = String.format(Locale.ROOT, "epoch %3d/%d  training loss %.4f nats = %.3f "
        + "bits/char", r.epoch(), r.epochs(), r.meanLoss(), r.meanLossBits());
    if (r.endOfEpoch()) {
      double bits = LanguageModelEvaluator.evaluate(model, held, eos, pad, EVAL_BATCH)
          .bitsPerToken();
      line += String.format(Locale.ROOT, "  held-out %.3f bits/char  (%.1f s)", bits,
          r.epochSeconds());
    } else {
      line += String.format(Locale.ROOT, "  step %d/%d", r.step(), r.steps());
    }
    if (interactive) {
      out.print("\r" + line + "    " + (r.endOfEpoch() ? "\n" : ""));
      out.flush();
    } else if (r.endOfEpoch()) {
      out.println(line);
      out.flush();
    }
  }

  private static List<int[]> encode(List<String> names, Vocabulary vocabulary,
      CharacterTokenizer tokenizer) {
    List<int[]> ids = new ArrayList<>(names.size());
    for (String name : names) {
      ids.add(vocabulary.encode(tokenizer.tokenize(name)));
    }
    return ids;
  }

  private static long parameterCount(RecurrentLanguageModel model) {
    long n = 0;
    for (Tensor p : model.parameters()) {
      n += p.numel();
    }
    return n;
  }
}
