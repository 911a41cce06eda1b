package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.seqlearn.audio.asr.CtcSpeechModel;
import org.seqlearn.audio.asr.ErrorRates;
import org.seqlearn.audio.asr.SpeechCorpus;
import org.seqlearn.audio.asr.SpeechFeatures;
import org.seqlearn.audio.asr.SpeechRecogniser;
import org.seqlearn.audio.asr.SpeechTraining;
import org.seqlearn.audio.asr.Utterance;
import org.seqlearn.audio.ctc.CtcBeamOptions;
import org.seqlearn.audio.ctc.CtcGreedyDecoder;
import org.seqlearn.audio.ctc.CtcPrefixBeamSearch;
import org.seqlearn.audio.ctc.CtcScorers;
import org.seqlearn.audio.ctc.FrameLogProbs;
import org.seqlearn.audio.ctc.LanguageModelScorer;
import org.seqlearn.audio.ctc.LexiconScorer;
import org.seqlearn.audio.ctc.lm.ArpaReader;
import org.seqlearn.audio.ctc.lm.ArpaWriter;
import org.seqlearn.audio.ctc.lm.CharTokens;
import org.seqlearn.audio.ctc.lm.NgramModel;
import org.seqlearn.audio.ctc.lm.Smoothing;
import org.seqlearn.core.io.AtomicFiles;
import org.seqlearn.layers.train.EpochResult;
import org.seqlearn.layers.train.TrainingCallback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn transcribe train}: trains the CTC recogniser on a corpus written by {@code
 * tools/gen_ctc_speech.py}, trains a character language model on the training transcripts, and
 * reports character and word error rates on the corpus's test set (held-out voices) for greedy,
 * beam, beam + LM and beam + LM + lexicon decoding.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Trains the CTC speech recogniser on DIR/train.tsv (tools/gen_ctc_speech.py) and",
      "reports CER/WER on DIR/test.tsv for greedy, beam, beam+LM and beam+LM+lexicon."
    })
public final class TranscribeTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "Corpus directory with train.tsv and test.tsv.")
  Path data;

  @Option(names = {"-o", "--out"}, paramLabel = "MODEL",
      description = "Where to write the model (.safetensors); the LM goes to MODEL.arpa, the "
          + "training words to MODEL.words.")
  Path out;

  @Option(names = "--evaluate", paramLabel = "MODEL",
      description = "Do not train: evaluate MODEL (with MODEL.arpa and MODEL.words) on "
          + "DIR/test.tsv.")
  Path evaluate;

  @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default 30).")
  int epochs;

  @Option(names = "--minutes", defaultValue = "0",
      description = "Stop after the epoch that passes this many minutes (0: no limit).")
  double minutes;

  @Option(names = "--limit", defaultValue = "0",
      description = "Use only the first N training utterances (0: all).")
  int limit;

  @Option(names = "--batch", defaultValue = "16", description = "Batch size (default 16).")
  int batch;

  @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate.")
  double lr;

  @Option(names = "--conv", defaultValue = "64", description = "Conv1d channels (default 64).")
  int conv;

  @Option(names = "--hidden", defaultValue = "96",
      description = "GRU hidden size per direction (default 96).")
  int hidden;

  @Option(names = "--seed", defaultValue = "15", description = "Seed (default 15).")
  long seed;

  @Option(names = "--lm-order", defaultValue = "6", description = "Character LM order.")
  int lmOrder;

  @Option(names = "--lm-weight", defaultValue = "0.5", description = "LM weight α.")
  double lmWeight;

  @Option(names = "--word-bonus", defaultValue = "0.5", description = "Word bonus β.")
  double wordBonus;

  @Option(names = "--beam", defaultValue = "16", description = "Beam width (default 16).")
  int beam;

  @Override
  public Integer call() {
    try {
      return train();
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("transcribe train: " + TranscribeCommand.message(e));
      return 2;
    }
  }

  private int train() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    if (evaluate != null) {
      List<Utterance> test =
          SpeechCorpus.load(data.resolve("test.tsv"), SpeechRecogniser.ENGLISH);
      TreeSet<String> words = new TreeSet<>();
      for (String w : Files.readAllLines(Path.of(evaluate + ".words"))) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
      report(o, SpeechRecogniser.load(evaluate), test,
          ArpaReader.read(Path.of(evaluate + ".arpa")), words, 0);
      return 0;
    }
    if (out == null) {
      throw new IllegalArgumentException("expected --out MODEL (or --evaluate MODEL)");
    }
    List<Utterance> train = SpeechCorpus.load(data.resolve("train.tsv"),
        SpeechRecogniser.ENGLISH);
    if (limit > 0 && limit < train.size()) {
      train = List.copyOf(train.subList(0, limit));
    }
    List<Utterance> test = SpeechCorpus.load(data.resolve("test.tsv"), SpeechRecogniser.ENGLISH);
    o.printf(Locale.ROOT, "train %d utterances, test %d (held-out voices)%n", train.size(),
        test.size());
    CtcSpeechModel model = new CtcSpeechModel(SpeechFeatures.MELS, conv, hidden,
        SpeechRecogniser.ENGLISH.size(), seed);
    long start = System.nanoTime();
    SpeechTraining training = new SpeechTraining().epochs(epochs).batchSize(batch)
        .learningRate(lr).seed(seed).timeBudget(minutes);
    training.callback(new TrainingCallback() {
      @Override
      public void onEpochEnd(EpochResult r) {
        double elapsed = (System.nanoTime() - start) / 60e9;
        o.printf(Locale.ROOT, "epoch %d loss %.4f (%.1f min)%n", r.epoch(), r.metric("loss"),
            elapsed);
        o.flush();
      }
    });
    training.fit(model, train);
    double trainMinutes = (System.nanoTime() - start) / 60e9;
    SpeechRecogniser rec = new SpeechRecogniser(model, " abcdefghijklmnopqrstuvwxyz'");
    rec.save(out);
    Path transcripts = Files.createTempFile("seqlearn-transcripts", ".txt");
    TreeSet<String> words = new TreeSet<>();
    try {
      List<String> lines = new ArrayList<>();
      for (Utterance u : train) {
        lines.add(u.text());
        words.addAll(List.of(u.text().split(" ")));
      }
      Files.write(transcripts, lines);
      NgramModel lm = CharTokens.train(transcripts, lmOrder, Smoothing.KNESER_NEY, 0.1);
      Path arpa = Path.of(out + ".arpa");
      ArpaWriter.write(lm, arpa);
      AtomicFiles.writeBytes(Path.of(out + ".words"),
          String.join("\n", words).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      report(o, rec, test, lm, words, trainMinutes);
    } finally {
      Files.deleteIfExists(transcripts);
    }
    return 0;
  }

  private void report(PrintWriter o, SpeechRecogniser rec, List<Utterance> test, NgramModel lm,
      TreeSet<String> words, double trainMinutes) {
    CtcBeamOptions options = CtcBeamOptions.defaults().withBeamWidth(beam);
    LanguageModelScorer lmScorer =
        new LanguageModelScorer(lm, rec.alphabet(), lmWeight, wordBonus);
    Map<String, Function<FrameLogProbs, String>> decoders = new LinkedHashMap<>();
    decoders.put("greedy", lp -> rec.alphabet().text(new CtcGreedyDecoder(0).decode(lp).tokens()));
    decoders.put("beam", first(rec, new CtcPrefixBeamSearch(options)));
    decoders.put("beam+lm", first(rec, new CtcPrefixBeamSearch(options, lmScorer)));
    decoders.put("beam+lm+lexicon", first(rec, new CtcPrefixBeamSearch(options,
        CtcScorers.sum(List.of(lmScorer, new LexiconScorer(words, rec.alphabet()))))));
    Map<String, ErrorRates> rates = new LinkedHashMap<>();
    decoders.keySet().forEach(k -> rates.put(k, new ErrorRates()));
    for (Utterance u : test) {
      FrameLogProbs lp = rec.logProbs(u.features());
      decoders.forEach((k, d) -> rates.get(k).add(u.text(), d.apply(lp)));
    }
    if (trainMinutes > 0) {
      o.printf(Locale.ROOT, "training %.1f min%n", trainMinutes);
    }
    o.printf(Locale.ROOT, "test set (held-out voices), %d utterances:%n", test.size());
    rates.forEach((k, e) -> o.printf(Locale.ROOT, "  %-16s CER %5.2f %%  WER %5.2f %%%n", k,
        100 * e.cer(), 100 * e.wer()));
  }

  private static Function<FrameLogProbs, String> first(SpeechRecogniser rec,
      CtcPrefixBeamSearch search) {
    return lp -> {
      var n = search.decode(lp);
      return n.isEmpty() ? "" : rec.alphabet().text(n.get(0).tokens());
    };
  }
}
