package org.seqlearn.nlp.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LengthBucketsTest {

  private static int[] lengths(int n) {
    Random r = new Random(3);
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      l[i] = r.nextInt(40);
    }
    return l;
  }

  @Test
  void everyExampleOnceWithSimilarLengthsPerBatch() {
    int[] lengths = lengths(2000);
    List<int[]> batches = LengthBuckets.epoch(lengths, 16, 5);
    List<Integer> seen = new ArrayList<>();
    int spread = 0;
    for (int[] b : batches) {
      assertThat(b.length).isBetween(1, 16);
      int min = Integer.MAX_VALUE;
      int max = 0;
      for (int i : b) {
        seen.add(i);
        min = Math.min(min, lengths[i]);
        max = Math.max(max, lengths[i]);
      }
      spread += max - min;
    }
    assertThat(seen).hasSize(2000).doesNotHaveDuplicates();
    assertThat((double) spread / batches.size()).isLessThan(3);
  }

  @Test
  void sameSeedSameBatchesOtherSeedOthers() {
    int[] lengths = lengths(500);
    List<int[]> a = LengthBuckets.epoch(lengths, 8, 1);
    List<int[]> b = LengthBuckets.epoch(lengths, 8, 1);
    List<int[]> c = LengthBuckets.epoch(lengths, 8, 2);
    assertThat(a).usingRecursiveComparison().isEqualTo(b);
    assertThat(a).usingRecursiveComparison().isNotEqualTo(c);
  }

  @Test
  void sortedCoversAllInLengthOrder() {
    int[] lengths = lengths(37);
    List<int[]> batches = LengthBuckets.sorted(lengths, 10);
    assertThat(batches).hasSize(4);
    int previous = -1;
    int count = 0;
    for (int[] b : batches) {
      for (int i : b) {
        assertThat(lengths[i]).isGreaterThanOrEqualTo(previous);
        previous = lengths[i];
        count++;
      }
    }
    assertThat(count).isEqualTo(37);
  }
}
