package org.seqlearn.audio.music;

import java.util.Arrays;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.random.Rng;

/**
 * Improvises piano rolls with a {@link PolyphonicModel}, one step at a time: each key of the next
 * step sounds with probability {@code sigmoid(logit / temperature)}, drawn independently from a
 * seeded generator, and the drawn step is fed back. A primer's steps are copied and fed first,
 * from the zero state as in training; without one, the first step is drawn from the prediction
 * after a zero (silent) input, and the piece then runs from the zero state fed that step.
 */
public final class PolyphonicSampler {

  private PolyphonicSampler() {}

  /**
   * Samples a roll of {@code steps} steps whose first {@code primerSteps} are the primer's.
   *
   * @param primer the piece to start from (its key count must be the model's), or null
   * @param primerSteps steps of the primer to copy, in {@code [0, min(primer steps, steps)]}
   * @param temperature above 0; below 1 sharpens, above 1 flattens the key probabilities
   * @param seed seed of the draws: the same arguments and seed give the same roll
   * @return a roll of {@code steps} steps with the model's keys, lowest pitch that of the primer
   *     or {@link PianoRoll#PIANO_LOWEST}
   */
  public static PianoRoll sample(PolyphonicModel model, PianoRoll primer, int primerSteps,
      int steps, double temperature, long seed) {
    int keys = model.keys();
    int available = primer == null ? 0 : primer.steps();
    if (steps < 1 || steps > PianoRoll.MAX_STEPS || primerSteps < 0
        || primerSteps > Math.min(available, steps) || !(temperature > 0)
        || Double.isInfinite(temperature) || (primer != null && primer.keys() != keys)) {
      throw new IllegalArgumentException("expected 1 <= steps <= " + PianoRoll.MAX_STEPS
          + ", 0 <= primer steps <= min(primer length " + available + ", steps), a finite "
          + "temperature > 0 and a primer of " + keys + " keys; got steps " + steps
          + ", primer steps " + primerSteps + ", temperature " + temperature
          + (primer == null ? "" : ", primer keys " + primer.keys()));
    }
    PianoRoll out = new PianoRoll(steps,
        primer == null ? PianoRoll.PIANO_LOWEST : primer.lowestPitch(), keys);
    Rng rng = new Rng(seed);
    boolean wasTraining = model.isTraining();
    model.eval();
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      int known = Math.max(primerSteps, 1);
      float[] logits;
      if (primerSteps == 0) {
        // step 0 from a silent input; the piece itself then starts from the zero state
        logits = model.run(Tensor.zeros(1, 1, keys), null)
            .logits().data();
        draw(out, 0, logits, temperature, rng);
      } else {
        for (int t = 0; t < primerSteps; t++) {
          for (int k = 0; k < keys; k++) {
            out.set(t, k, primer.get(t, k));
          }
        }
      }
      float[] all = out.toFloats();
      float[] prefix = Arrays.copyOf(all, known * keys);
      PolyphonicModel.Step step = model.run(Tensor.wrap(prefix, 1, known, keys), null);
      for (int t = known; t < steps; t++) {
        float[] last = step.logits().data();
        logits = Arrays.copyOfRange(last, last.length - keys, last.length);
        float[] drawn = draw(out, t, logits, temperature, rng);
        if (t + 1 < steps) {
          step = model.run(Tensor.wrap(drawn, 1, 1, keys), step.state());
        }
      }
    } finally {
      model.train(wasTraining);
    }
    return out;
  }

  /** Draws step {@code t} of {@code out} from the logits; returns it as 0/1 values. */
  private static float[] draw(PianoRoll out, int t, float[] logits, double temperature, Rng rng) {
    float[] step = new float[logits.length];
    for (int k = 0; k < logits.length; k++) {
      boolean on = rng.nextDouble() < 1 / (1 + Math.exp(-logits[k] / temperature));
      out.set(t, k, on);
      step[k] = on ? 1f : 0f;
    }
    return step;
  }
}
