package org.seqlearn.audio.music;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.seqlearn.audio.midi.JsbChorales;
import org.seqlearn.audio.midi.MidiRenderer;
import org.seqlearn.audio.midi.MidiSequence;
import org.seqlearn.audio.midi.MidiWriter;
import org.seqlearn.audio.midi.Note;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.audio.midi.PianoRollImage;
import org.seqlearn.audio.midi.RollStep;

/**
 * Improvises a chorale with a model saved by {@link JsbTraining} ({@code --save}) and writes
 * {@code PREFIX.mid}, {@code PREFIX.wav} (the JDK synthesizer, at concert pitch: the JSB file's
 * octave transposition undone) and {@code PREFIX.png} (the piano roll as sampled).
 *
 * <pre>
 * java -cp core/target/classes:layers/target/classes:audio/target/classes \
 *     org.seqlearn.audio.music.JsbSampling --model MODEL --out PREFIX [--cell lstm]
 *     [--hidden 200] [--layers 1] [--data JSB.json --piece 0 --primer-steps 8] [--steps 64]
 *     [--temperature 1.0] [--seed 1] [--bpm 80]
 * </pre>
 */
public final class JsbSampling {
  private static final int TICKS_PER_QUARTER = 480;
  private static final int VELOCITY = 80;

  private JsbSampling() {}

  /**
   * The roll as a MIDI sequence of quarter-note steps, transposed by {@code transpose} semitones.
   *
   * @throws IllegalArgumentException if a transposed pitch leaves 0..127
   */
  static MidiSequence toMidi(PianoRoll roll, int transpose, double bpm) {
    List<Note> notes = new ArrayList<>();
    for (Note n : roll.toNotes(TICKS_PER_QUARTER, RollStep.QUARTER, VELOCITY)) {
      notes.add(Note.of(n.pitch() + transpose, n.velocity(), n.startTick(), n.durationTicks()));
    }
    return MidiSequence.of(TICKS_PER_QUARTER, bpm, notes);
  }

  /** Command-line entry; bad input prints one line and exits 2. */
  public static void main(String[] args) {
    try {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < args.length; i += 2) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
        }
        m.put(args[i].substring(2), args[i + 1]);
      }
      if (!m.containsKey("model") || !m.containsKey("out")) {
        throw new IllegalArgumentException("expected --model FILE and --out PREFIX");
      }
      PolyphonicModel model = new PolyphonicModel(
          MusicCell.valueOf(m.getOrDefault("cell", "lstm").toUpperCase(Locale.ROOT)),
          PianoRoll.PIANO_KEYS, Integer.parseInt(m.getOrDefault("hidden", "200")),
          Integer.parseInt(m.getOrDefault("layers", "1")), 0f, 0L);
      model.load(Path.of(m.get("model")));
      PianoRoll primer = null;
      int primerSteps = 0;
      if (m.containsKey("data")) {
        List<PianoRoll> test = JsbChorales.read(Path.of(m.get("data"))).test();
        int piece = Integer.parseInt(m.getOrDefault("piece", "0"));
        if (piece < 0 || piece >= test.size()) {
          throw new IllegalArgumentException("expected --piece in 0.." + (test.size() - 1)
              + ", got " + piece);
        }
        primer = test.get(piece);
        primerSteps = Math.min(primer.steps(),
            Integer.parseInt(m.getOrDefault("primer-steps", "8")));
      }
      int steps = Integer.parseInt(m.getOrDefault("steps", "64"));
      PianoRoll roll = PolyphonicSampler.sample(model, primer, primerSteps, steps,
          Double.parseDouble(m.getOrDefault("temperature", "1.0")),
          Long.parseLong(m.getOrDefault("seed", "1")));
      MidiSequence seq = toMidi(roll, JsbChorales.LISTENING_TRANSPOSE,
          Double.parseDouble(m.getOrDefault("bpm", "80")));
      String out = m.get("out");
      MidiWriter.write(Path.of(out + ".mid"), seq);
      MidiRenderer.renderToWav(seq, Path.of(out + ".wav"));
      PianoRollImage.write(roll, 4, Path.of(out + ".png"));
      System.out.println("wrote " + out + ".mid, .wav, .png (" + steps + " steps, "
          + primerSteps + " primed)");
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("jsb-sampling: " + e.getMessage());
      System.exit(2);
    }
  }
}
