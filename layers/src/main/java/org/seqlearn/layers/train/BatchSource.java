package org.seqlearn.layers.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.seqlearn.core.random.Rng;

/**
 * Where the mini-batches of an epoch come from. The trainer asks for one epoch at a time with a
 * seed derived from its own seed and the epoch number, so shuffling is reproducible.
 *
 * <!-- given: int[][] ids, int[] labels -->
 * <pre>{@code
 * // examples 0..n-1 (ids [n][time], labels [n]) shuffled each epoch, cut into batches of 32,
 * // each collated by the caller into ids [batch, time] and labels [batch]:
 * BatchSource<IntTensor, IntTensor> train = BatchSource.shuffledExamples(ids.length, 32, idx -> {
 *   int time = ids[0].length;
 *   int[] x = new int[idx.length * time];
 *   int[] y = new int[idx.length];
 *   for (int b = 0; b < idx.length; b++) {
 *     System.arraycopy(ids[idx[b]], 0, x, b * time, time);
 *     y[b] = labels[idx[b]];
 *   }
 *   return new Batch<>(IntTensor.of(x, idx.length, time), IntTensor.vector(y), idx.length);
 * });
 * }</pre>
 */
public interface BatchSource<I, T> {

  /** The batches of one epoch, in order; {@code seed} drives any shuffling. */
  List<Batch<I, T>> epoch(long seed);

  /** Fixed batches in a fixed order (for validation). */
  static <I, T> BatchSource<I, T> fixed(List<Batch<I, T>> batches) {
    List<Batch<I, T>> copy = List.copyOf(batches);
    return seed -> copy;
  }

  /** Fixed batches whose order is shuffled each epoch (Fisher-Yates with the epoch's seed). */
  static <I, T> BatchSource<I, T> shuffledBatches(List<Batch<I, T>> batches) {
    List<Batch<I, T>> copy = List.copyOf(batches);
    return seed -> {
      List<Batch<I, T>> order = new ArrayList<>(copy);
      shuffle(order, new Rng(seed));
      return order;
    };
  }

  /**
   * Examples {@code 0..count-1} shuffled each epoch and cut into batches of {@code batchSize}
   * (the last one may be smaller), each built by {@code collate} from its example indices.
   */
  static <I, T> BatchSource<I, T> shuffledExamples(int count, int batchSize,
      Function<int[], Batch<I, T>> collate) {
    if (count < 1 || batchSize < 1) {
      throw new IllegalArgumentException("count and batchSize must be >= 1, got " + count
          + " and " + batchSize);
    }
    return seed -> {
      List<Integer> order = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        order.add(i);
      }
      shuffle(order, new Rng(seed));
      List<Batch<I, T>> out = new ArrayList<>();
      for (int start = 0; start < count; start += batchSize) {
        int n = Math.min(batchSize, count - start);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
          idx[i] = order.get(start + i);
        }
        out.add(collate.apply(idx));
      }
      return out;
    };
  }

  /** Fisher-Yates shuffle driven by {@code rng}. */
  private static <E> void shuffle(List<E> list, Rng rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rng.nextInt(i + 1));
    }
  }
}
