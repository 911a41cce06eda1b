package org.seqlearn.audio.music;

import java.util.Arrays;
import java.util.List;
import org.seqlearn.audio.midi.PianoRoll;
import org.seqlearn.core.Tensor;

/**
 * Pieces batched for next-step prediction: input step {@code t} is the roll's step {@code t} and
 * its target the roll's step {@code t + 1}, so a piece of {@code S} steps gives {@code S - 1}
 * scored steps (the benchmark does not score the first step). Padded to the longest piece with
 * zero inputs, zero targets and a zero mask.
 *
 * @param inputs {@code [N, T, keys]} steps 0..S-2 of each piece
 * @param targets {@code [N, T, keys]} steps 1..S-1 of each piece
 * @param mask {@code [N, T, keys]} 1 where a target is scored, 0 in the padding
 * @param lengths the N scored lengths {@code S - 1}
 * @param scoredSteps the sum of the lengths
 */
public record RollBatch(Tensor inputs, Tensor targets, Tensor mask, int[] lengths,
    int scoredSteps) {

  /**
   * Batches pieces of equal key count, each of at least two steps.
   *
   * @throws IllegalArgumentException if the list is empty, a piece has fewer than 2 steps or the
   *     key counts differ
   */
  public static RollBatch of(List<PianoRoll> pieces) {
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("expected at least one piece, got none");
    }
    int keys = pieces.get(0).keys();
    int time = 0;
    for (PianoRoll p : pieces) {
      if (p.keys() != keys) {
        throw new IllegalArgumentException("expected pieces of " + keys + " keys, got one of "
            + p.keys());
      }
      if (p.steps() < 2) {
        throw new IllegalArgumentException("expected pieces of at least 2 steps, got "
            + p.steps());
      }
      time = Math.max(time, p.steps() - 1);
    }
    int n = pieces.size();
    float[] in = new float[n * time * keys];
    float[] out = new float[in.length];
    float[] mask = new float[in.length];
    int[] lengths = new int[n];
    int scored = 0;
    for (int i = 0; i < n; i++) {
      PianoRoll p = pieces.get(i);
      float[] roll = p.toFloats();
      int len = p.steps() - 1;
      int base = i * time * keys;
      System.arraycopy(roll, 0, in, base, len * keys);
      System.arraycopy(roll, keys, out, base, len * keys);
      Arrays.fill(mask, base, base + len * keys, 1f);
      lengths[i] = len;
      scored += len;
    }
    return new RollBatch(Tensor.wrap(in, n, time, keys), Tensor.wrap(out, n, time, keys),
        Tensor.wrap(mask, n, time, keys), lengths, scored);
  }
}
