package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.audio.asr.SpeechFeatures;
import org.seqlearn.audio.asr.SpeechRecogniser;
import org.seqlearn.audio.ctc.CtcBeamOptions;
import org.seqlearn.audio.ctc.CtcHypothesis;
import org.seqlearn.audio.ctc.CtcPrefixBeamSearch;
import org.seqlearn.audio.ctc.CtcScorer;
import org.seqlearn.audio.ctc.CtcScorers;
import org.seqlearn.audio.ctc.HotwordScorer;
import org.seqlearn.audio.ctc.LanguageModelScorer;
import org.seqlearn.audio.ctc.LexiconScorer;
import org.seqlearn.audio.ctc.lm.ArpaReader;
import org.seqlearn.audio.ctc.lm.NgramModel;
import org.seqlearn.audio.wav.WavReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn transcribe}: WAV in, text out (on the last line), by CTC prefix beam search
 * with an optional character LM, lexicon and hotwords. Without {@code --model} it uses the model
 * shipped in the jar, when the build has one.
 *
 * <pre>
 * seqlearn transcribe clip.wav
 * seqlearn transcribe clip.wav --model m.safetensors --lm m.safetensors.arpa --nbest 3 --timestamps
 * seqlearn transcribe train --data /tmp/ctc-speech -o m.safetensors --minutes 12
 * </pre>
 */
@Command(
    name = "transcribe",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    subcommands = {TranscribeTrainCommand.class},
    description = {
      "Transcribes a WAV file with a CTC speech model (spoken digits and short phrases);",
      "the transcript is the last line of the output. 'transcribe train' trains a model."
    })
public final class TranscribeCommand implements Callable<Integer> {
  private static final String SHIPPED = "/org/seqlearn/examples/transcribe/model.safetensors";

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "WAV", description = "Input WAV file.")
  Path input;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "Model (.safetensors) from 'transcribe train' (default: the shipped one).")
  Path modelFile;

  @Option(names = "--lm", paramLabel = "ARPA",
      description = "Character n-gram LM (ARPA); default MODEL.arpa when it exists.")
  Path lmFile;

  @Option(names = "--no-lm", description = "Decode without a language model.")
  boolean noLm;

  @Option(names = "--lexicon", paramLabel = "WORDS",
      description = "Restrict output to these words (one per line), e.g. the MODEL.words that"
          + " 'transcribe train' writes.")
  Path lexiconFile;

  @Option(names = "--lm-weight", defaultValue = "0.5", description = "LM weight α.")
  double lmWeight;

  @Option(names = "--word-bonus", defaultValue = "0.5", description = "Word bonus β.")
  double wordBonus;

  @Option(names = "--hotword", paramLabel = "WORD", description = "Boost this word (repeatable).")
  List<String> hotwords = new ArrayList<>();

  @Option(names = "--hotword-bonus", defaultValue = "1.0",
      description = "Bonus per character of a hotword.")
  double hotwordBonus;

  @Option(names = "--beam", defaultValue = "16", description = "Beam width (default 16).")
  int beam;

  @Option(names = "--nbest", defaultValue = "1", description = "Hypotheses to print.")
  int nBest;

  @Option(names = "--timestamps", description = "Print each character's time.")
  boolean timestamps;

  @Override
  public Integer call() {
    try {
      return transcribe();
    } catch (IllegalArgumentException | IOException e) {
      spec.commandLine().getErr().println("transcribe: " + message(e));
      return 2;
    }
  }

  /** One line for a failure: the message, or the exception's name and the path it names. */
  static String message(Exception e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage()
        : e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private int transcribe() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (input == null) {
      throw new IllegalArgumentException("expected a WAV file (or the 'train' subcommand)");
    }
    SpeechRecogniser rec;
    NgramModel lm = null;
    if (modelFile != null) {
      rec = SpeechRecogniser.load(modelFile);
      Path arpa = lmFile != null ? lmFile : Path.of(modelFile + ".arpa");
      if (!noLm && Files.exists(arpa)) {
        lm = ArpaReader.read(arpa);
      }
    } else {
      byte[] bytes = resource(SHIPPED);
      if (bytes == null) {
        throw new IllegalArgumentException("this build ships no model; give --model (train one "
            + "with 'seqlearn transcribe train')");
      }
      rec = SpeechRecogniser.load(bytes, SHIPPED);
      if (!noLm && lmFile != null) {
        lm = ArpaReader.read(lmFile);
      } else if (!noLm) {
        byte[] arpa = resource(SHIPPED + ".arpa");
        if (arpa != null) {
          lm = ArpaReader.read(new java.io.ByteArrayInputStream(arpa), 50_000_000L);
        }
      }
    }
    List<CtcScorer<?>> scorers = new ArrayList<>();
    if (lm != null) {
      scorers.add(new LanguageModelScorer(lm, rec.alphabet(), lmWeight, wordBonus));
    }
    if (lexiconFile != null) {
      List<String> words = new ArrayList<>();
      for (String w : Files.readAllLines(lexiconFile, StandardCharsets.UTF_8)) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
      scorers.add(new LexiconScorer(words, rec.alphabet()));
    }
    if (!hotwords.isEmpty()) {
      scorers.add(new HotwordScorer(hotwords, rec.alphabet(), hotwordBonus));
    }
    CtcBeamOptions options = CtcBeamOptions.defaults().withBeamWidth(beam)
        .withNBest(Math.min(nBest, beam));
    CtcPrefixBeamSearch search = scorers.isEmpty() ? new CtcPrefixBeamSearch(options)
        : new CtcPrefixBeamSearch(options, CtcScorers.sum(scorers));
    List<CtcHypothesis> n = rec.transcribe(WavReader.read(input), search);
    double secondsPerFrame = 2.0 * SpeechFeatures.HOP / SpeechFeatures.SAMPLE_RATE;
    // Worst first, so the best hypothesis's text is the last line.
    for (int i = n.size() - 1; i >= 0; i--) {
      CtcHypothesis h = n.get(i);
      if (n.size() > 1 || nBest > 1) {
        out.printf(Locale.ROOT, "# %d. score %.3f log P %.3f: %s%n", i + 1, h.score(),
            h.logProb(), rec.alphabet().text(h.tokens()));
      }
      if (timestamps) {
        StringBuilder sb = new StringBuilder();
        int[] tokens = h.tokens();
        int[] frames = h.frames();
        for (int k = 0; k < tokens.length; k++) {
          String symbol = rec.alphabet().isSpace(tokens[k]) ? "_"
              : rec.alphabet().text(new int[] {tokens[k]});
          sb.append(String.format(Locale.ROOT, "%s%s@%.2f", k == 0 ? "" : " ", symbol,
              frames[k] * secondsPerFrame));
        }
        out.println("# times (s): " + sb);
      }
    }
    out.println(n.isEmpty() ? "" : rec.alphabet().text(n.get(0).tokens()));
    return 0;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TranscribeCommand.class.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    }
  }
}
