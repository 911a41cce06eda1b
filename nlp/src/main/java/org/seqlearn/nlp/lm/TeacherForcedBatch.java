package org.seqlearn.nlp.lm;

import java.util.Arrays;
import java.util.List;
import org.seqlearn.core.IntTensor;

/**
 * Input and target ids for teacher forcing: a sequence y⟨1⟩ … y⟨n⟩ becomes the inputs
 * ⟨EOS⟩, y⟨1⟩, …, y⟨n⟩ and the targets y⟨1⟩, …, y⟨n⟩, ⟨EOS⟩. The leading ⟨EOS⟩ marks the start
 * (as the end of a previous line would in running text), so every one of the {@code n + 1}
 * targets, the closing ⟨EOS⟩ included, is predicted from the true tokens before it.
 *
 * @param inputs {@code [batch, time]} with {@code time = longest n + 1}, padded with the pad id
 * @param targets {@code [batch, time]}, padded with the pad id (which the loss ignores)
 * @param lengths {@code n + 1} per sequence {@code [batch]}: the number of predicted tokens
 * @param padId the id used for padding
 */
public record TeacherForcedBatch(IntTensor inputs, IntTensor targets, int[] lengths, int padId) {

  /**
   * Builds the batch.
   *
   * @param sequences token ids without any ⟨EOS⟩, none equal to {@code padId}
   * @param eosId the ⟨EOS⟩ id
   * @param padId the padding id
   * @throws IllegalArgumentException if the list is empty or a sequence contains the pad id
   */
  public static TeacherForcedBatch of(List<int[]> sequences, int eosId, int padId) {
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException("expected at least one sequence, got none");
    }
    int time = 0;
    for (int[] s : sequences) {
      time = Math.max(time, s.length + 1);
    }
    int batch = sequences.size();
    int[] in = new int[batch * time];
    int[] out = new int[batch * time];
    int[] lengths = new int[batch];
    Arrays.fill(in, padId);
    Arrays.fill(out, padId);
    for (int b = 0; b < batch; b++) {
      int[] s = sequences.get(b);
      int row = b * time;
      in[row] = eosId;
      for (int t = 0; t < s.length; t++) {
        if (s[t] == padId) {
          throw new IllegalArgumentException("sequence " + b + " holds the pad id " + padId
              + " at position " + t);
        }
        in[row + t + 1] = s[t];
        out[row + t] = s[t];
      }
      out[row + s.length] = eosId;
      lengths[b] = s.length + 1;
    }
    return new TeacherForcedBatch(IntTensor.of(in, batch, time), IntTensor.of(out, batch, time),
        lengths, padId);
  }

  /** The number of predicted tokens, Σ (n + 1). */
  public long predictedTokens() {
    long sum = 0;
    for (int n : lengths) {
      sum += n;
    }
    return sum;
  }
}
