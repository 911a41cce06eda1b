package org.seqlearn.audio.trigger;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.random.Rng;

/**
 * Makes trigger-word training examples exactly as the course does ({@code
 * create_training_example}): a background lowered by 20 dB, 0–4 trigger clips and 0–2 negative
 * clips overlaid at random non-overlapping places, the mix normalised to −20 dBFS RMS, and labels
 * from {@link TriggerLabels}.
 *
 * <p>Placement follows the course's {@code insert_audio_clip}: a clip of {@code m} ms starts at a
 * uniform millisecond in {@code [0, durationMs − m)} and occupies {@code [start, start + m − 1]}; a
 * place overlapping an earlier clip is redrawn up to 6 times more, after which the clip is left out
 * (and gets no label). Clip lengths in ms are rounded as pydub's {@code len()} does. Clip indices
 * are drawn with replacement. Samples are kept in [−1, 1] after mixing and after the gain (pydub
 * saturates 16-bit samples the same way). A background longer than the example contributes a random
 * window.
 *
 * <p>Seeded: the same clips, options and seed give the same sequence of examples.
 */
public final class ExampleSynthesizer {
  /** Gain applied to the background before overlaying (the course's {@code background - 20}). */
  public static final double BACKGROUND_GAIN_DB = -20;

  /** RMS level of the finished mix (the course's {@code match_target_amplitude(…, -20.0)}). */
  public static final double TARGET_DBFS = -20;

  private static final int REDRAWS = 6;

  private final ClipSet clips;
  private final TriggerLabels labels;
  private final int durationMs;
  private final int maxTriggers;
  private final int maxNegatives;
  private final Rng rng;

  /**
   * @param clips triggers, negatives and backgrounds (at {@code clips.sampleRate()})
   * @param labels label layout; its duration must equal {@code durationMs}
   * @param durationMs example length in ms
   * @param maxTriggers up to this many trigger clips per example (4 in the course)
   * @param maxNegatives up to this many negative clips per example (2 in the course)
   * @param seed random seed
   */
  public ExampleSynthesizer(
      ClipSet clips,
      TriggerLabels labels,
      int durationMs,
      int maxTriggers,
      int maxNegatives,
      long seed) {
    if (durationMs < 1 || maxTriggers < 0 || maxNegatives < 0) {
      throw new IllegalArgumentException(
          "need durationMs >= 1 and max counts >= 0, got "
              + durationMs
              + ", "
              + maxTriggers
              + ", "
              + maxNegatives);
    }
    if (maxTriggers > 0 && clips.triggers().isEmpty()) {
      throw new IllegalArgumentException("maxTriggers=" + maxTriggers + " but no trigger clips");
    }
    if (maxNegatives > 0 && clips.negatives().isEmpty()) {
      throw new IllegalArgumentException("maxNegatives=" + maxNegatives + " but no negative clips");
    }
    long need = samplesFor(durationMs, clips.sampleRate());
    for (float[] b : clips.backgrounds()) {
      if (b.length < need) {
        throw new IllegalArgumentException(
            "backgrounds must hold >= "
                + need
                + " samples ("
                + durationMs
                + " ms), got "
                + b.length);
      }
    }
    this.clips = clips;
    this.labels = labels;
    this.durationMs = durationMs;
    this.maxTriggers = maxTriggers;
    this.maxNegatives = maxNegatives;
    this.rng = new Rng(seed);
  }

  /**
   * The course's setting: 10 s examples, Ty = 1375, 50 label steps, 0–4 triggers, 0–2 negatives.
   */
  public static ExampleSynthesizer course(ClipSet clips, long seed) {
    return new ExampleSynthesizer(clips, TriggerLabels.course(), 10_000, 4, 2, seed);
  }

  /** The next example. */
  public TrainingExample next() {
    int rate = clips.sampleRate();
    int n = (int) samplesFor(durationMs, rate);
    float[] bg = clips.backgrounds().get(rng.nextInt(clips.backgrounds().size()));
    int offset = bg.length > n ? rng.nextInt(bg.length - n + 1) : 0;
    float gain = (float) Math.pow(10, BACKGROUND_GAIN_DB / 20);
    float[] mix = new float[n];
    for (int i = 0; i < n; i++) {
      mix[i] = bg[offset + i] * gain;
    }
    float[] y = new float[labels.outputSteps()];
    List<Segment> taken = new ArrayList<>();
    List<Segment> triggers = insertAll(mix, clips.triggers(), rng.nextInt(maxTriggers + 1), taken);
    for (Segment s : triggers) {
      labels.markAfter(y, s.endMs());
    }
    List<Segment> negatives =
        insertAll(mix, clips.negatives(), rng.nextInt(maxNegatives + 1), taken);
    normalise(mix, TARGET_DBFS);
    return new TrainingExample(mix, rate, y, triggers, negatives);
  }

  private List<Segment> insertAll(float[] mix, List<float[]> pool, int count, List<Segment> taken) {
    int[] picks = new int[count];
    for (int i = 0; i < count; i++) {
      picks[i] = rng.nextInt(pool.size());
    }
    List<Segment> placed = new ArrayList<>();
    for (int p : picks) {
      Segment s = insert(mix, pool.get(p), taken);
      if (s != null) {
        placed.add(s);
      }
    }
    return placed;
  }

  private Segment insert(float[] mix, float[] clip, List<Segment> taken) {
    int rate = clips.sampleRate();
    int ms = (int) Math.round(clip.length * 1000.0 / rate);
    if (ms >= durationMs || ms < 1) {
      throw new IllegalArgumentException(
          "clips must last between 1 and " + (durationMs - 1) + " ms, got " + ms + " ms");
    }
    Segment s = randomSegment(ms);
    for (int r = 0; r < REDRAWS && overlapsAny(s, taken); r++) {
      s = randomSegment(ms);
    }
    if (overlapsAny(s, taken)) {
      return null;
    }
    taken.add(s);
    int at = (int) samplesFor(s.startMs(), rate);
    int len = Math.min(clip.length, mix.length - at);
    for (int i = 0; i < len; i++) {
      mix[at + i] = clamp(mix[at + i] + clip[i]);
    }
    return s;
  }

  private Segment randomSegment(int ms) {
    int start = rng.nextInt(durationMs - ms);
    return new Segment(start, start + ms - 1);
  }

  private static boolean overlapsAny(Segment s, List<Segment> taken) {
    for (Segment t : taken) {
      if (s.overlaps(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Scales {@code x} in place so its RMS is {@code dbfs} relative to full scale 1 (silence stays).
   */
  static void normalise(float[] x, double dbfs) {
    double sum = 0;
    for (float v : x) {
      sum += (double) v * v;
    }
    double rms = Math.sqrt(sum / Math.max(1, x.length));
    if (rms == 0) {
      return;
    }
    float g = (float) (Math.pow(10, dbfs / 20) / rms);
    for (int i = 0; i < x.length; i++) {
      x[i] = clamp(x[i] * g);
    }
  }

  private static float clamp(float v) {
    return Math.max(-1f, Math.min(1f, v));
  }

  private static long samplesFor(long ms, int rate) {
    return ms * rate / 1000;
  }
}
