package org.seqlearn.layers.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsFile;
import org.seqlearn.layers.Module;

/**
 * Where and when the trainer saves the model: the state dict as a safetensors file written
 * atomically (a crash leaves the previous file intact). Files are {@code epoch-0007.safetensors}
 * every {@code everyEpochs} epochs and {@code best.safetensors} whenever the monitored score beats
 * the best one saved so far. Load one with {@link Module#load(Path)}, which returns the metadata.
 *
 * <p>Metadata: {@code epoch}, {@code step}, every metric of the epoch, and the score that belongs
 * to these very weights: {@code monitor} (the monitored metric's name), {@code monitor_mode}
 * ({@code min} or {@code max}) and {@code monitor_value} (see {@link Trainer} for how a training
 * metric is measured on the end-of-epoch weights).
 *
 * <p>The best score is kept with the checkpoint, not in memory: when a {@code fit()} starts, the
 * score stored in an existing {@code best.safetensors} is read, and the file is only replaced by
 * weights whose score is strictly better (and finite). A resumed or repeated run in the same
 * directory therefore never replaces a good model by a worse one. A file that was saved
 * monitoring another metric or direction, or with no readable score, makes {@code fit()} fail at
 * the start with an {@link IllegalStateException} naming both, rather than guess.
 */
public final class Checkpoints {

  /** Name of the file holding the best epoch's weights. */
  public static final String BEST = "best.safetensors";

  static final String MONITOR = "monitor";
  static final String MODE = "monitor_mode";
  static final String VALUE = "monitor_value";

  private final Path dir;
  private final int everyEpochs;
  private final boolean onBest;
  private double bestSaved = Double.NaN;

  /**
   * @param dir the directory (created if missing)
   * @param everyEpochs save every this many epochs; 0 for never
   * @param onBest whether to save {@code best.safetensors} when the monitored score improves on
   *     the best one saved
   */
  public Checkpoints(Path dir, int everyEpochs, boolean onBest) {
    if (dir == null || everyEpochs < 0) {
      throw new IllegalArgumentException("need a directory and everyEpochs >= 0, got " + dir
          + " and " + everyEpochs);
    }
    this.dir = dir;
    this.everyEpochs = everyEpochs;
    this.onBest = onBest;
  }

  /** The file of a periodic checkpoint. */
  public Path epochFile(int epoch) {
    return dir.resolve(String.format("epoch-%04d.safetensors", epoch));
  }

  /** The file of the best checkpoint. */
  public Path bestFile() {
    return dir.resolve(BEST);
  }

  /** Whether {@code best.safetensors} is kept (so the trainer must score every epoch). */
  boolean savesBest() {
    return onBest;
  }

  /**
   * The score stored in {@code best.safetensors}, if the file exists; remembered as the one to
   * beat.
   *
   * @throws IllegalStateException if the file monitors another metric or direction, or has no
   *     readable score
   * @throws IOException if it cannot be read
   */
  OptionalDouble begin(String monitor, boolean maximize) throws IOException {
    bestSaved = Double.NaN;
    Path file = bestFile();
    if (!onBest || !Files.exists(file)) {
      return OptionalDouble.empty();
    }
    Map<String, String> meta;
    try (SafetensorsFile f = Safetensors.open(file)) {
      meta = f.metadata();
    }
    String mode = maximize ? "max" : "min";
    String storedMonitor = meta.get(MONITOR);
    String storedMode = meta.getOrDefault(MODE, mode);
    if (!monitor.equals(storedMonitor) || !mode.equals(storedMode)) {
      throw new IllegalStateException(file + " holds the best weights by '" + storedMonitor
          + "' (" + storedMode + "), but this run monitors '" + monitor + "' (" + mode
          + "); use another checkpoint directory or remove that file");
    }
    String stored = meta.containsKey(VALUE) ? meta.get(VALUE) : meta.get(monitor);
    double value;
    try {
      value = Double.parseDouble(stored);
    } catch (NullPointerException | NumberFormatException e) {
      value = Double.NaN;
    }
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(file + " records no finite score for '" + monitor
          + "' (got " + stored + "), so a new model cannot be compared with it; use another "
          + "checkpoint directory or remove that file");
    }
    bestSaved = value;
    return OptionalDouble.of(value);
  }

  /**
   * Saves the epoch's checkpoints.
   *
   * @param score the monitored value of the model's current weights, NaN if not measured
   * @return whether {@code best.safetensors} was replaced
   */
  boolean save(Module model, EpochResult result, String monitor, boolean maximize, double score)
      throws IOException {
    boolean periodic = everyEpochs > 0 && result.epoch() % everyEpochs == 0;
    boolean best = onBest && Double.isFinite(score) && (Double.isNaN(bestSaved)
        || (maximize ? score > bestSaved : score < bestSaved));
    if (!periodic && !best) {
      return false;
    }
    Files.createDirectories(dir);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("epoch", Integer.toString(result.epoch()));
    meta.put("step", Long.toString(result.step()));
    result.metrics().forEach((k, v) -> meta.put(k, Double.toString(v)));
    meta.put(MONITOR, monitor);
    meta.put(MODE, maximize ? "max" : "min");
    if (!Double.isNaN(score)) {
      meta.put(VALUE, Double.toString(score));
    }
    if (periodic) {
      model.save(epochFile(result.epoch()), meta);
    }
    if (best) {
      model.save(bestFile(), meta);
      bestSaved = score;
    }
    return best;
  }
}
