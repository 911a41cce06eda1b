package org.seqlearn.audio.trigger;

import java.util.ArrayList;
import java.util.List;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;

/**
 * Detects the trigger word in audio that arrives chunk by chunk, without recomputing a window: the
 * spectrogram frames, the convolution's input frames and the two GRU states are carried from one
 * chunk to the next, so the probabilities equal those of {@link TriggerModel#probabilities} on the
 * whole recording (in eval mode).
 *
 * <p>Firing follows the course's rule ({@link FiringRule}: probability above the threshold and more
 * than the refractory period, 75 steps in the course, since the last firing).
 *
 * <p>Features are {@link TriggerFeatures}' (specgram frames of 200 samples every 80); the model's
 * output step {@code s} starts at sample {@code s · stride · 80}. Puts the model in eval mode. Not
 * thread-safe.
 */
public final class TriggerDetector {
  private static final int NFFT = 200;
  private static final int HOP = 80;

  private final TriggerModel model;
  private final int sampleRate;
  private final FiringRule rule;
  private final RowQueue samples = new RowQueue(1);
  private final RowQueue frames;
  private final Tensor[] state = new Tensor[2];
  private long step;

  /**
   * @param model a trained model (switched to eval mode)
   * @param sampleRate samples per second of the audio (for the times reported)
   * @param threshold fire when the probability is above this, in {@code (0, 1)}
   * @param refractorySteps fire only when more than this many steps passed since the last firing
   */
  public TriggerDetector(TriggerModel model, int sampleRate, float threshold, int refractorySteps) {
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sample rate must be >= 1, got " + sampleRate);
    }
    this.model = model;
    this.sampleRate = sampleRate;
    this.rule = new FiringRule(threshold, refractorySteps);
    this.frames = new RowQueue(model.features());
    model.eval();
  }

  /** The course's setting: 44.1 kHz, threshold 0.5, 75 steps between firings. */
  public static TriggerDetector course(TriggerModel model) {
    return new TriggerDetector(model, 44_100, 0.5f, 75);
  }

  /** What one chunk produced. */
  public record Result(float[] probabilities, List<Detection> detections) {}

  /**
   * Consumes the next chunk of audio.
   *
   * @param chunk mono samples {@code [n]}, any length (also 0)
   * @return the probabilities of the output steps completed by this chunk, {@code [steps]}, and the
   *     detections among them
   */
  public Result accept(float[] chunk) {
    samples.append(chunk);
    if (samples.rows() >= NFFT) {
      int n = 1 + (samples.rows() - NFFT) / HOP;
      frames.append(TriggerFeatures.of(samples.head(NFFT + (n - 1) * HOP)).toArray());
      samples.drop(n * HOP);
    }
    int k = model.kernel();
    int s = model.stride();
    if (frames.rows() < k) {
      return new Result(new float[0], List.of());
    }
    int steps = 1 + (frames.rows() - k) / s;
    int used = k + (steps - 1) * s;
    float[] p;
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      Tensor x = Tensor.wrap(frames.head(used), 1, used, model.features());
      p = model.recur(model.convolve(x), state).sigmoid().toArray();
    }
    frames.drop(steps * s);
    List<Detection> found = new ArrayList<>();
    for (float v : p) {
      if (rule.offer(v)) {
        found.add(new Detection(step, step * (double) s * HOP / sampleRate, v));
      }
      step++;
    }
    return new Result(p, found);
  }

  /** Output steps produced so far. */
  public long steps() {
    return step;
  }
}
