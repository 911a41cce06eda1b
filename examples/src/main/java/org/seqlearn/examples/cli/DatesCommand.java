package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.attention.dates.DateTranslator;
import org.seqlearn.attention.dates.DateVocabulary;
import org.seqlearn.attention.seq2seq.DecoderInput;
import org.seqlearn.examples.dates.AttentionHeatMap;
import org.seqlearn.examples.dates.ShippedDateModels;
import org.seqlearn.layers.decode.Hypothesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn dates}: the course's date translator with attention.
 *
 * <pre>
 * seqlearn dates "3 May 1979" "tuesday may 3 1979" "05/03/79" "3 mai 1979"
 * seqlearn dates --nbest 3 --heatmap att.png "3 mai 1979"
 * seqlearn dates train --form course --out dates-course.safetensors
 * </pre>
 */
@Command(
    name = "dates",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    subcommands = DatesTrainCommand.class,
    description = {
      "Translates human-readable dates (several formats and languages) to ISO YYYY-MM-DD with",
      "the shipped attention model, optionally printing the beam's n best with their",
      "log-probabilities and drawing the attention weights of one input as a PNG heat map."
    })
public final class DatesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DATE", arity = "0..*", description = "Dates to translate.")
  List<String> dates = new ArrayList<>();

  @Option(names = "--form", defaultValue = "autoregressive", paramLabel = "course|autoregressive",
      description = "The course's model (context only, fixed 10 characters) or the "
          + "autoregressive one (default: ${DEFAULT-VALUE}).")
  String form;

  @Option(names = "--model", paramLabel = "FILE",
      description = "A model written by 'dates train' instead of the shipped one.")
  Path model;

  @Option(names = "--beam", defaultValue = "5", description = "Beam width (1 = greedy; "
      + "default ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--nbest", defaultValue = "1",
      description = "Print this many candidates per date with their scores (at most the beam).")
  int nBest;

  @Option(names = "--heatmap", paramLabel = "PNG",
      description = "Write the attention weights of one input here.")
  Path heatmap;

  @Option(names = "--heatmap-index", defaultValue = "0",
      description = "Which input the heat map shows (0-based, default 0).")
  int heatmapIndex;

  static DecoderInput parseForm(String form) {
    return switch (form.toLowerCase(Locale.ROOT)) {
      case "course" -> DecoderInput.CONTEXT;
      case "autoregressive" -> DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT;
      default -> throw new IllegalArgumentException("--form must be course or autoregressive, "
          + "got '" + form + "'");
    };
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (dates.isEmpty()) {
        throw new IllegalArgumentException("give one or more dates to translate, e.g. "
            + "'3 may 1979', or 'train' to train a model");
      }
      if (beam < 1 || nBest < 1 || nBest > beam) {
        throw new IllegalArgumentException("need 1 <= --nbest <= --beam, got --beam " + beam
            + " and --nbest " + nBest);
      }
      if (heatmap != null && (heatmapIndex < 0 || heatmapIndex >= dates.size())) {
        throw new IllegalArgumentException("--heatmap-index must be in [0, " + dates.size()
            + "), got " + heatmapIndex);
      }
      for (int i = 0; i < dates.size(); i++) {
        if (dates.get(i).isBlank()) {
          throw new IllegalArgumentException("date " + (i + 1) + " is empty; give a date such as "
              + "'3 may 1979'");
        }
      }
      DecoderInput f = parseForm(form);
      DateTranslator translator = model != null ? DateTranslator.load(model)
          : ShippedDateModels.load(f);
      List<List<Hypothesis>> results = translator.translate(dates, beam, nBest);
      List<String> best = new ArrayList<>();
      for (int i = 0; i < dates.size(); i++) {
        List<Hypothesis> hs = results.get(i);
        String iso = hs.isEmpty() ? "" : DateVocabulary.decodeTarget(hs.get(0).tokens());
        best.add(iso);
        out.println(dates.get(i) + "\t" + iso);
        warnAboutInput(err, dates.get(i), iso);
        if (nBest > 1) {
          for (Hypothesis h : hs) {
            out.printf(Locale.ROOT, "  %s  log P %.4f  score %.4f%n",
                DateVocabulary.decodeTarget(h.tokens()), h.logProb(), h.score());
          }
        }
      }
      if (heatmap != null) {
        writeHeatMap(translator, dates.get(heatmapIndex), best.get(heatmapIndex));
        out.println("attention of '" + dates.get(heatmapIndex) + "' -> " + heatmap);
      }
      return 0;
    } catch (IllegalArgumentException | IOException e) {
      err.println("dates: " + e.getMessage());
      return 2;
    }
  }

  /**
   * Says on stderr when an input was not read whole (cut to Tx characters, or characters the model
   * does not know) or when the translation is not a calendar date: the model always answers.
   */
  private static void warnAboutInput(PrintWriter err, String human, String iso) {
    List<String> notes = new ArrayList<>();
    if (human.length() > DateVocabulary.SOURCE_STEPS) {
      notes.add("only its first " + DateVocabulary.SOURCE_STEPS + " characters were read");
    }
    String lower = human.toLowerCase(Locale.ROOT);
    StringBuilder unknown = new StringBuilder();
    for (int i = 0; i < Math.min(lower.length(), DateVocabulary.SOURCE_STEPS); i++) {
      char c = lower.charAt(i);
      if (DateVocabulary.SOURCE_CHARS.indexOf(c) < 0 && unknown.indexOf(String.valueOf(c)) < 0) {
        unknown.append(c);
      }
    }
    if (unknown.length() > 0) {
      notes.add("the model does not know the characters '" + unknown + "'");
    }
    try {
      java.time.LocalDate.parse(iso);
    } catch (java.time.format.DateTimeParseException e) {
      notes.add("the translation is not a calendar date");
    }
    if (!notes.isEmpty()) {
      err.println("dates: warning: '" + human + "': " + String.join("; ", notes));
    }
  }

  private void writeHeatMap(DateTranslator translator, String human, String iso)
      throws IOException {
    if (iso.length() != DateVocabulary.TARGET_STEPS) {
      throw new IllegalArgumentException("cannot draw the attention of '" + human
          + "': its translation '" + iso + "' is not a date");
    }
    float[][] w = translator.attention(human, iso);
    String[] source = new String[w[0].length];
    String lower = human.toLowerCase(Locale.ROOT);
    for (int i = 0; i < source.length; i++) {
      source[i] = String.valueOf(lower.charAt(i));
    }
    String[] output = new String[w.length];
    for (int t = 0; t < output.length; t++) {
      output[t] = t < iso.length() ? String.valueOf(iso.charAt(t)) : "</s>";
    }
    new AttentionHeatMap().title("'" + human + "' -> " + iso).write(w, source, output,
        heatmap);
  }
}
