package org.seqlearn.layers.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Training progress on a terminal: a bar redrawn in place with the running loss, the rate
 * (batches/s and samples/s) and the ETA of the epoch. When the output is not a terminal (logs,
 * CI, {@code System.console() == null}) it stays quiet during the epoch and prints one summary
 * line per epoch instead, so log files hold no control characters.
 */
public final class ProgressBar {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintStream out;
  private final boolean interactive;
  private int epoch;
  private int epochs;
  private int batches;
  private long start;
  private long lastDraw;
  private long samples;
  private int drawnLength;

  /**
   * @param out where to print (null for nothing at all)
   * @param interactive whether to redraw a bar in place; else one line per epoch
   */
  public ProgressBar(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive && out != null;
  }

  /** On standard error, interactive exactly when {@link #isTerminal()}. */
  public static ProgressBar forConsole() {
    return new ProgressBar(System.err, isTerminal());
  }

  /**
   * Whether the JVM is attached to a terminal: {@code System.console() != null}, and on JDK 22+
   * (where a console also exists for redirected streams) {@code Console.isTerminal()}.
   */
  public static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true; // JDK 17-21: a console exists only for a terminal
    }
  }

  /** Prints nothing. */
  public static ProgressBar silent() {
    return new ProgressBar(null, false);
  }

  /** Whether the bar is redrawn in place. */
  public boolean isInteractive() {
    return interactive;
  }

  void startEpoch(int epoch, int epochs, int batches) {
    this.epoch = epoch;
    this.epochs = epochs;
    this.batches = batches;
    this.samples = 0;
    this.start = System.nanoTime();
    this.lastDraw = 0;
  }

  void batchDone(int done, double meanLoss, int batchSize) {
    samples += batchSize;
    if (!interactive) {
      return;
    }
    long now = System.nanoTime();
    if (done < batches && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    double secs = Math.max((now - start) / 1e9, 1e-9);
    double rate = done / secs;
    int filled = batches == 0 ? WIDTH : (int) ((long) WIDTH * done / batches);
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    double eta = rate > 0 ? (batches - done) / rate : 0;
    String line = String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d loss %.4f %.1f batch/s "
        + "%.0f samples/s ETA %s", epoch, epochs, bar, done, batches, meanLoss, rate,
        samples / secs, clock(eta));
    out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    drawnLength = line.length();
    out.flush();
  }

  void endEpoch(EpochResult result, int batchCount) {
    if (out == null) {
      return;
    }
    if (interactive) {
      out.print("\r" + " ".repeat(drawnLength) + "\r");
      drawnLength = 0;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "epoch %d/%d:", result.epoch(), epochs));
    for (Map.Entry<String, Double> m : result.metrics().entrySet()) {
      sb.append(String.format(Locale.ROOT, " %s %.4f", m.getKey(), m.getValue()));
    }
    double secs = Math.max(result.seconds(), 1e-9);
    sb.append(String.format(Locale.ROOT, " - %d batches in %.1f s (%.1f batch/s, %.0f "
        + "samples/s), lr %.3g", batchCount, result.seconds(), batchCount / secs,
        samples / secs, result.learningRate()));
    out.println(sb);
    out.flush();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
