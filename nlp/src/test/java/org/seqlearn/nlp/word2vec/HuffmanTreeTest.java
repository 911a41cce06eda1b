package org.seqlearn.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class HuffmanTreeTest {

  private static long[] randomCounts(int v, long seed) {
    Rng rng = new Rng(seed);
    long[] c = new long[v];
    for (int i = 0; i < v; i++) {
      c[i] = 1 + rng.nextInt(100_000) / (i + 1);
    }
    java.util.Arrays.sort(c);
    for (int i = 0; i < v / 2; i++) {
      long t = c[i];
      c[i] = c[v - 1 - i];
      c[v - 1 - i] = t;
    }
    return c;
  }

  private static String code(HuffmanTree t, int w) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < t.codeLength(w); d++) {
      sb.append(t.code(w, d));
    }
    return sb.toString();
  }

  @Test
  void codesArePrefixFreeCompleteAndOptimal() {
    for (int v : new int[] {2, 3, 5, 17, 300}) {
      long[] counts = randomCounts(v, v);
      HuffmanTree tree = HuffmanTree.build(counts);
      Set<String> codes = new HashSet<>();
      double kraft = 0;
      long cost = 0;
      for (int w = 0; w < v; w++) {
        String c = code(tree, w);
        codes.add(c);
        kraft += Math.pow(2, -c.length());
        cost += counts[w] * c.length();
        if (w > 0) {
          assertThat(c.length()).as("more frequent words have shorter or equal codes")
              .isGreaterThanOrEqualTo(tree.codeLength(w - 1));
        }
      }
      assertThat(codes).hasSize(v);
      for (String a : codes) {
        for (String b : codes) {
          assertThat(a.equals(b) || !b.startsWith(a)).as("%s prefix of %s", a, b).isTrue();
        }
      }
      assertThat(kraft).isEqualTo(1.0);
      assertThat(cost).isEqualTo(optimalCost(counts));
    }
  }

  @Test
  void pathsStartAtTheRootAndShareInnerNodesConsistently() {
    long[] counts = randomCounts(50, 9);
    HuffmanTree tree = HuffmanTree.build(counts);
    java.util.Map<String, Integer> nodeOfPrefix = new java.util.HashMap<>();
    for (int w = 0; w < 50; w++) {
      assertThat(tree.point(w, 0)).isEqualTo(50 - 2);
      String c = code(tree, w);
      for (int d = 0; d < c.length(); d++) {
        int node = tree.point(w, d);
        assertThat(node).isBetween(0, 48);
        Integer previous = nodeOfPrefix.putIfAbsent(c.substring(0, d), node);
        assertThat(previous == null || previous == node).isTrue();
      }
    }
    assertThat(nodeOfPrefix).hasSize(49);
  }

  @Test
  void smallExampleMatchesHandBuiltTree() {
    HuffmanTree tree = HuffmanTree.build(new long[] {5, 3, 1, 1});
    assertThat(tree.codeLength(0)).isEqualTo(1);
    assertThat(tree.codeLength(1)).isEqualTo(2);
    assertThat(tree.codeLength(2)).isEqualTo(3);
    assertThat(tree.codeLength(3)).isEqualTo(3);
    assertThat(HuffmanTree.build(new long[] {4}).codeLength(0)).isZero();
  }

  @Test
  void unsortedCountsAreRejected() {
    assertThatThrownBy(() -> HuffmanTree.build(new long[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count #1 is 2 after 1");
  }

  private static long optimalCost(long[] counts) {
    PriorityQueue<Long> q = new PriorityQueue<>();
    for (long c : counts) {
      q.add(c);
    }
    long cost = 0;
    while (q.size() > 1) {
      long s = q.poll() + q.poll();
      cost += s;
      q.add(s);
    }
    return cost;
  }
}
