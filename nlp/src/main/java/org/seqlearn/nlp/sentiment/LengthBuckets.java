package org.seqlearn.nlp.sentiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.seqlearn.core.random.Rng;

/**
 * Mini-batches of sentences of similar lengths, so that a recurrent model pads little: the
 * examples are shuffled, cut into pools of {@code poolBatches × batchSize}, each pool is sorted
 * by length and cut into batches, and the batches are shuffled. Every example lands in exactly
 * one batch per epoch; the same seed gives the same batches.
 */
final class LengthBuckets {

  /** Batches per sorted pool. */
  static final int POOL_BATCHES = 50;

  private LengthBuckets() {}

  /**
   * The batches of one epoch.
   *
   * @param lengths length of each example {@code [N]}
   * @param batchSize examples per batch (the last of each pool may be smaller)
   * @param seed drives both shuffles
   * @return example indices per batch
   */
  static List<int[]> epoch(int[] lengths, int batchSize, long seed) {
    Rng rng = new Rng(seed);
    int n = lengths.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Integer t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int pool = batchSize * POOL_BATCHES;
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start < n; start += pool) {
      Integer[] chunk = Arrays.copyOfRange(order, start, Math.min(n, start + pool));
      Arrays.sort(chunk, Comparator.comparingInt(i -> lengths[i]));
      for (int b = 0; b < chunk.length; b += batchSize) {
        int size = Math.min(batchSize, chunk.length - b);
        int[] idx = new int[size];
        for (int k = 0; k < size; k++) {
          idx[k] = chunk[b + k];
        }
        batches.add(idx);
      }
    }
    for (int i = batches.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int[] t = batches.get(i);
      batches.set(i, batches.get(j));
      batches.set(j, t);
    }
    return batches;
  }

  /** All examples sorted by length, cut into batches of {@code batchSize} (for prediction). */
  static List<int[]> sorted(int[] lengths, int batchSize) {
    Integer[] order = new Integer[lengths.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> lengths[i]));
    List<int[]> batches = new ArrayList<>();
    for (int b = 0; b < order.length; b += batchSize) {
      int size = Math.min(batchSize, order.length - b);
      int[] idx = new int[size];
      for (int k = 0; k < size; k++) {
        idx[k] = order[b + k];
      }
      batches.add(idx);
    }
    return batches;
  }
}
