package org.seqlearn.audio.asr;

import java.util.List;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.Tensor;

/**
 * A padded mini-batch of utterances.
 *
 * @param features {@code [N, T, features]}, zero after each utterance's length
 * @param lengths input frames per utterance
 * @param targets concatenated labels {@code [Σ targetLengths]}
 * @param targetLengths labels per utterance
 */
public record SpeechBatch(Tensor features, int[] lengths, IntTensor targets,
    int[] targetLengths) {

  /** Pads and stacks utterances. */
  public static SpeechBatch of(List<Utterance> utterances) {
    int n = utterances.size();
    int time = 0;
    int dims = utterances.get(0).features()[0].length;
    int labels = 0;
    for (Utterance u : utterances) {
      time = Math.max(time, u.features().length);
      labels += u.labels().length;
    }
    float[] x = new float[n * time * dims];
    int[] lengths = new int[n];
    int[] targets = new int[labels];
    int[] targetLengths = new int[n];
    int at = 0;
    for (int i = 0; i < n; i++) {
      Utterance u = utterances.get(i);
      lengths[i] = u.features().length;
      for (int t = 0; t < lengths[i]; t++) {
        System.arraycopy(u.features()[t], 0, x, (i * time + t) * dims, dims);
      }
      System.arraycopy(u.labels(), 0, targets, at, u.labels().length);
      at += u.labels().length;
      targetLengths[i] = u.labels().length;
    }
    return new SpeechBatch(Tensor.wrap(x, n, time, dims), lengths,
        IntTensor.of(targets, labels), targetLengths);
  }

  /** The model's output frames per utterance. */
  public int[] outputLengths() {
    int[] out = new int[lengths.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = CtcSpeechModel.outputFrames(lengths[i]);
    }
    return out;
  }
}
