package org.seqlearn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.attention.dates.DateSplits;
import org.seqlearn.attention.dates.DateTrainer;
import org.seqlearn.attention.dates.DateTranslator;
import org.seqlearn.examples.dates.ShippedDateModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn dates train}: trains the course's date translator (Bi-LSTM 32, additive
 * attention, post-attention LSTM 64, Tx = 30, Ty = 10) or its autoregressive form, reports the
 * exact-match accuracy of whole dates on the held-out test dates and saves the model. The shipped
 * models are produced by this command (examples/scripts/train-date-models.sh).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Trains a date translator and reports its test accuracy.")
public final class DatesTrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--form", defaultValue = "autoregressive", paramLabel = "course|autoregressive",
      description = "Which model (default: ${DEFAULT-VALUE}).")
  String form;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Where to save (default: the shipped model's file name).")
  Path out;

  @Option(names = "--steps", defaultValue = "4000",
      description = "Most training steps (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", defaultValue = "100",
      description = "Batch size (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", defaultValue = "0.005",
      description = "Adam learning rate (default ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--target", defaultValue = "0.995",
      description = "Stop when the validation accuracy reaches this (default ${DEFAULT-VALUE}).")
  double target;

  @Option(names = "--eval-every", defaultValue = "250",
      description = "Steps between checks (default ${DEFAULT-VALUE}).")
  int evalEvery;

  @Option(names = "--test", defaultValue = "2000",
      description = "Held-out test dates (default ${DEFAULT-VALUE}).")
  int testSize;

  @Option(names = "--beam", defaultValue = "5",
      description = "Beam width of the test decoding (default ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--seed", defaultValue = "12",
      description = "Seed of data and weights (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    if (steps < 1 || batch < 1 || evalEvery < 1 || !(lr > 0) || beam < 1) {
      throw new IllegalArgumentException("--steps, --batch, --eval-every, --beam and --lr must "
          + "be positive, got " + steps + ", " + batch + ", " + evalEvery + ", " + beam + ", "
          + lr);
    }
    DateTranslator translator = DateTranslator.course(DatesCommand.parseForm(form), seed);
    DateSplits splits = new DateSplits(seed, testSize, 1000);
    DateTrainer.Settings settings = new DateTrainer.Settings(batch, lr, steps, evalEvery, target,
        seed + 1);
    long cpu0 = cpuNanos();
    long wall0 = System.nanoTime();
    DateTrainer.Progress last = new DateTrainer(translator, splits, settings).train(p ->
        o.printf(Locale.ROOT, "step %5d  loss %.4f  validation %.2f %%  %.1f s%n", p.step(),
            p.loss(), 100 * p.validationAccuracy(), p.elapsedMillis() / 1000.0));
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (cpuNanos() - cpu0) / 1e9;
    double acc = translator.accuracy(splits.test(), beam);
    o.printf(Locale.ROOT, "trained %d steps in %.1f s (%.1f s CPU, load %.2f); test exact-match "
        + "accuracy on %d dates, beam %d: %.2f %%%n", last.step(), wall, cpu,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), splits.test().size(),
        beam, 100 * acc);
    Path target = out != null ? out : Path.of(ShippedDateModels.fileName(translator.mode()));
    translator.save(target);
    o.println("saved " + target);
    return 0;
  }

  private static long cpuNanos() {
    var bean = ManagementFactory.getOperatingSystemMXBean();
    return bean instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0L;
  }
}
