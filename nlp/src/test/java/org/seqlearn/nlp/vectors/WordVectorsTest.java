package org.seqlearn.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WordVectorsTest {

  private static final WordVectors V = WordVectors.of(List.of("a", "b", "c", "zero"),
      new float[] {3, 4, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0}, 3);

  @Test
  void lookupAndUnitVectors() {
    assertThat(V.size()).isEqualTo(4);
    assertThat(V.dimension()).isEqualTo(3);
    assertThat(V.indexOf("c")).isEqualTo(2);
    assertThat(V.indexOf("nope")).isEqualTo(-1);
    assertThat(V.vector("a")).containsExactly(3, 4, 0);
    assertThat(V.unitVector("a")).containsExactly(0.6f, 0.8f, 0f);
    assertThat(V.unitVector("zero")).containsExactly(0f, 0f, 0f);
    assertThat(V.similarity("a", "b")).isCloseTo(0.6f, within(1e-7f));
    assertThat(V.similarity("b", "c")).isEqualTo(-1f);
    assertThat(V.toTensor().shape()).containsExactly(4, 3);
    assertThat(V.similarities("b")).containsExactly(new float[] {0.6f, 1f, -1f, 0f},
        within(1e-6f));
  }

  @Test
  void mostSimilarExcludesQueryWordsAndHonoursRestrictVocab() {
    assertThat(V.mostSimilar("b", 10)).extracting(ScoredWord::word)
        .containsExactly("a", "zero", "c");
    assertThat(V.mostSimilar(List.of("b"), List.of(), 10, 2)).extracting(ScoredWord::word)
        .containsExactly("a");
    assertThat(V.similarByVector(new float[] {0, 2, 0}, 1, 4).get(0).word()).isEqualTo("a");
    assertThat(V.mostSimilar("b", 0)).isEmpty();
  }

  @Test
  void searchesSpanningSeveralParallelBlocksMatchABruteForceRanking() {
    int rows = 2 * NeighbourSearch.BLOCK_ROWS + 1234;
    int dim = 7;
    SplittableRandom rng = new SplittableRandom(5);
    List<String> words = new ArrayList<>();
    float[] m = new float[rows * dim];
    for (int i = 0; i < rows; i++) {
      words.add("w" + i);
      for (int j = 0; j < dim; j++) {
        // Few distinct values, so many rows tie and the lower-index rule is exercised.
        m[i * dim + j] = rng.nextInt(3) - 1;
      }
    }
    WordVectors big = WordVectors.of(words, m, dim);
    float[] unit = big.unitMatrix();
    int query = 3;
    Integer[] order = new Integer[rows];
    float[] score = new float[rows];
    for (int i = 0; i < rows; i++) {
      order[i] = i;
      score[i] = RowDot.dot(unit, i * dim, unit, query * dim, dim);
    }
    Arrays.sort(order, (a, b) -> score[a] != score[b]
        ? Float.compare(score[b], score[a]) : Integer.compare(a, b));
    List<String> expected = Arrays.stream(order).filter(i -> i != query).limit(25)
        .map(i -> "w" + i).toList();
    assertThat(big.mostSimilar("w3", 25)).extracting(ScoredWord::word)
        .containsExactlyElementsOf(expected);
    assertThat(big.mostSimilar(List.of("w3"), List.of(), 25, rows - 100))
        .extracting(ScoredWord::word)
        .containsExactlyElementsOf(Arrays.stream(order)
            .filter(i -> i != query && i < rows - 100).limit(25).map(i -> "w" + i).toList());
  }

  @Test
  void badArgumentsNameExpectedAndActual() {
    assertThatThrownBy(() -> V.similarity("a", "nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
    assertThatThrownBy(() -> WordVectors.of(List.of("a", "a"), new float[2], 1))
        .hasMessageContaining("duplicate word 'a' at indices 0 and 1");
    assertThatThrownBy(() -> WordVectors.of(List.of("a"), new float[3], 2))
        .hasMessageContaining("expected 1 x 2 = 2 values, got 3");
    assertThatThrownBy(() -> V.mostSimilar(List.of(), List.of(), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> V.similarByVector(new float[2], 1, 4))
        .hasMessageContaining("expected a vector of length 3, got 2");
    assertThatThrownBy(() -> V.doesntMatch(List.of("x", "y")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unitMatrixIsComputedOnceUnderConcurrency() throws Exception {
    WordVectors fresh = WordVectors.of(V.words(), V.matrix(), 3);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<float[]> task = fresh::unitMatrix;
      List<Future<float[]>> results = pool.invokeAll(List.of(task, task, task, task));
      float[] first = results.get(0).get();
      for (Future<float[]> f : results) {
        assertThat(f.get()).isSameAs(first);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void analogiesThroughBothObjectives() {
    WordVectors w = WordVectors.of(List.of("man", "woman", "king", "queen", "apple"),
        new float[] {1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0.2f}, 3);
    assertThat(w.analogy("man", "woman", "king", 1).get(0).word()).isEqualTo("queen");
    assertThat(w.analogyCosMul("man", "woman", "king", 1).get(0).word()).isEqualTo("queen");
  }
}
