package org.seqlearn.audio.music;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqlearn.audio.midi.JsbChorales;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.optim.Adam;
import org.seqlearn.layers.optim.GradClipping;

/**
 * Trains a {@link PolyphonicModel} on the JSB Chorales train split within a time budget, keeps the
 * epoch with the best validation NLL and reports the test NLL of that model once.
 *
 * <pre>
 * java -cp core/target/classes:layers/target/classes:audio/target/classes \
 *     org.seqlearn.audio.music.JsbTraining --data FILE [--cell lstm|gru] [--hidden 200]
 *     [--layers 1] [--dropout 0.0] [--lr 0.001] [--batch 8] [--clip 1.0] [--epochs 500]
 *     [--minutes 9] [--patience 10] [--seed 1] [--save MODEL.safetensors]
 * </pre>
 */
public final class JsbTraining {

  private JsbTraining() {}

  /** The settings of one run. */
  record Settings(Path data, MusicCell cell, int hidden, int layers, float dropout, double lr,
      int batch, double clip, int epochs, double minutes, int patience, long seed, Path save) {

    static Settings parse(String[] args) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
        }
        m.put(args[i].substring(2), args[i + 1]);
      }
      if (!m.containsKey("data")) {
        throw new IllegalArgumentException("expected --data FILE (jsb-chorales-quarter.json)");
      }
      Settings s = new Settings(Path.of(m.remove("data")),
          MusicCell.valueOf(m.getOrDefault("cell", "lstm").toUpperCase(Locale.ROOT)),
          Integer.parseInt(m.getOrDefault("hidden", "200")),
          Integer.parseInt(m.getOrDefault("layers", "1")),
          Float.parseFloat(m.getOrDefault("dropout", "0")),
          Double.parseDouble(m.getOrDefault("lr", "0.001")),
          Integer.parseInt(m.getOrDefault("batch", "8")),
          Double.parseDouble(m.getOrDefault("clip", "1.0")),
          Integer.parseInt(m.getOrDefault("epochs", "500")),
          Double.parseDouble(m.getOrDefault("minutes", "9")),
          Integer.parseInt(m.getOrDefault("patience", "10")),
          Long.parseLong(m.getOrDefault("seed", "1")),
          m.containsKey("save") ? Path.of(m.get("save")) : null);
      for (String k : List.of("cell", "hidden", "layers", "dropout", "lr", "batch", "clip",
          "epochs", "minutes", "patience", "seed", "save")) {
        m.remove(k);
      }
      if (!m.isEmpty()) {
        throw new IllegalArgumentException("unknown options " + m.keySet());
      }
      return s;
    }
  }

  /** The outcome of a run. */
  record Result(PolyphonicModel model, int bestEpoch, double bestValid, double test, int epochs,
      double seconds) {}

  /** Runs the settings; one progress line per epoch goes to {@code log}. */
  static Result run(Settings s, JsbChorales data, PrintStream log) {
    long start = System.nanoTime();
    PolyphonicModel model = new PolyphonicModel(s.cell(), PianoRoll.PIANO_KEYS, s.hidden(),
        s.layers(), s.dropout(), s.seed());
    Adam adam = new Adam(model.parameters(), s.lr());
    Rng rng = Rng.split(s.seed(), 7);
    List<PianoRoll> train = new ArrayList<>(data.train());
    Map<String, Tensor> best = model.stateDict();
    double bestValid = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int epoch = 0;
    while (epoch < s.epochs() && elapsed(start) < s.minutes() * 60
        && epoch - bestEpoch < s.patience()) {
      epoch++;
      shuffle(train, rng);
      model.train();
      double lossSum = 0;
      int batches = 0;
      for (int from = 0; from < train.size(); from += s.batch()) {
        RollBatch batch = RollBatch.of(train.subList(from, Math.min(train.size(),
            from + s.batch())));
        adam.zeroGrad();
        Tensor loss = FrameNll.loss(model.forward(batch.inputs(), batch.lengths()), batch);
        loss.backward();
        GradClipping.clipGradNorm(model.parameters(), s.clip());
        adam.step();
        lossSum += loss.item();
        batches++;
      }
      double valid = FrameNll.evaluate(model, data.valid(), 16);
      if (valid < bestValid) {
        bestValid = valid;
        bestEpoch = epoch;
        best = model.stateDict();
      }
      log.printf(Locale.ROOT, "epoch %d  train %.3f  valid %.3f  (%.0f s)%n", epoch,
          lossSum / batches, valid, elapsed(start));
    }
    model.loadStateDict(best);
    double test = FrameNll.evaluate(model, data.test(), 16);
    return new Result(model, bestEpoch, bestValid, test, epoch, elapsed(start));
  }

  private static double elapsed(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void shuffle(List<PianoRoll> list, Rng rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      PianoRoll t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Command-line entry; bad input prints one line and exits 2. */
  public static void main(String[] args) {
    Settings s;
    JsbChorales data;
    try {
      s = Settings.parse(args);
      data = JsbChorales.read(s.data());
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("jsb-training: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(s);
    Result r = run(s, data, System.out);
    if (s.save() != null) {
      try {
        r.model().save(s.save(), Map.of("cell", s.cell().name(), "hidden", "" + s.hidden(),
            "layers", "" + s.layers(), "testNll", String.format(Locale.ROOT, "%.4f", r.test())));
      } catch (IOException e) {
        System.err.println("jsb-training: cannot save " + s.save() + ": " + e.getMessage());
        System.exit(1);
      }
    }
    System.out.printf(Locale.ROOT, "%s hidden %d layers %d dropout %.2f: best valid %.3f at epoch"
        + " %d of %d, test NLL %.3f nats/step, %.0f s%n", s.cell(), s.hidden(), s.layers(),
        s.dropout(), r.bestValid(), r.bestEpoch(), r.epochs(), r.test(), r.seconds());
  }
}
