package org.seqlearn.layers.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seqlearn.layers.Module;

/**
 * Where and when the trainer saves the model: the state dict as a safetensors file written
 * atomically (a crash leaves the previous file intact), with metadata {@code epoch}, {@code
 * step}, {@code monitor} and every metric of the epoch. Files are {@code epoch-0007.safetensors}
 * every {@code everyEpochs} epochs and {@code best.safetensors} whenever the monitored metric
 * improves. Load one with {@link Module#load(Path)}, which returns the metadata.
 */
public final class Checkpoints {

  /** Name of the file holding the best epoch's weights. */
  public static final String BEST = "best.safetensors";

  private final Path dir;
  private final int everyEpochs;
  private final boolean onBest;

  /**
   * @param dir the directory (created if missing)
   * @param everyEpochs save every this many epochs; 0 for never
   * @param onBest whether to save {@code best.safetensors} when the monitored metric improves
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

  void save(Module model, EpochResult result, String monitor, boolean improved)
      throws IOException {
    boolean periodic = everyEpochs > 0 && result.epoch() % everyEpochs == 0;
    boolean best = onBest && improved;
    if (!periodic && !best) {
      return;
    }
    Files.createDirectories(dir);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("epoch", Integer.toString(result.epoch()));
    meta.put("step", Long.toString(result.step()));
    meta.put("monitor", monitor);
    result.metrics().forEach((k, v) -> meta.put(k, Double.toString(v)));
    if (periodic) {
      model.save(epochFile(result.epoch()), meta);
    }
    if (best) {
      model.save(bestFile(), meta);
    }
  }
}
