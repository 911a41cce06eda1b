package org.seqlearn.examples.charlm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsFile;

/**
 * Decides whether {@code charlm --save FILE} may replace FILE: a saved model is only replaced by
 * one with a lower (better) held-out score, in bits per character, unless the user asks to
 * overwrite. The score is stored in the file's metadata under {@value #SCORE_KEY}, written in the
 * same atomic save as the weights, so it always describes them.
 *
 * <p>The scores compared are those recorded: after changing the corpus, the split or the seed,
 * they are no longer measured on the same held-out names, and {@code --overwrite} is the way to
 * say so. A model whose score is not finite is never saved, even with {@code --overwrite}.
 */
final class BestModelGuard {

  /** Metadata key of the held-out bits per character of the saved weights. */
  static final String SCORE_KEY = "seqlearn.charlm.held_out_bits_per_char";

  private final Path file;
  private final boolean overwrite;
  private final double previous;

  private BestModelGuard(Path file, boolean overwrite, double previous) {
    this.file = file;
    this.overwrite = overwrite;
    this.previous = previous;
  }

  /**
   * Reads the score of an existing {@code file}, before any training is spent.
   *
   * @throws IllegalArgumentException if {@code file} exists without a readable score (not a
   *     {@code charlm} model, or an older one) and {@code overwrite} is false
   */
  static BestModelGuard open(Path file, boolean overwrite) throws IOException {
    if (overwrite || !Files.exists(file)) {
      return new BestModelGuard(file, overwrite, Double.NaN);
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("--save " + file + " is not a regular file");
    }
    String stored;
    try (SafetensorsFile f = Safetensors.open(file)) {
      Map<String, String> meta = f.metadata();
      stored = meta.get(SCORE_KEY);
    } catch (IOException | RuntimeException e) {
      stored = null;
    }
    double score = parse(stored);
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("--save " + file + " exists and records no held-out "
          + "score to compare with; give --overwrite to replace it");
    }
    return new BestModelGuard(file, false, score);
  }

  /** The metadata that records {@code bits} with the saved weights. */
  static Map<String, String> metadata(double bits) {
    return Map.of(SCORE_KEY, Double.toString(bits));
  }

  /**
   * Why a model scoring {@code bits} must not be saved, or null when it may.
   */
  String refusal(double bits) {
    if (!Double.isFinite(bits)) {
      return "not saved to " + file + ": the held-out score is " + bits
          + " bits/char (the model diverged)";
    }
    if (!overwrite && !Double.isNaN(previous) && !(bits < previous)) {
      return String.format(Locale.ROOT, "not saved to %s: held-out %.4f bits/char is not better "
          + "than its %.4f; give --overwrite to replace it anyway", file, bits, previous);
    }
    return null;
  }

  private static double parse(String s) {
    try {
      return s == null ? Double.NaN : Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
