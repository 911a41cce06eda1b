package org.seqlearn.audio.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;
import org.seqlearn.layers.recurrent.GruForm;

class TriggerDetectorTest {

  @Test
  void courseRuleFiresAfterMoreThan75StepsThenWaitsAgain() {
    FiringRule rule = new FiringRule(0.5f, 75);
    float[] p = new float[300];
    Arrays.fill(p, 10, 21, 0.9f); // inside the first 75 steps: the course's counter forbids it
    Arrays.fill(p, 80, 91, 0.9f); // fires at 80 only
    p[120] = 0.6f; // 40 steps after 80: refractory
    p[157] = 0.6f; // counter 77 > 75: fires
    p[200] = 0.5f; // not above the threshold
    List<Integer> fired = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      if (rule.offer(p[i])) {
        fired.add(i);
      }
    }
    assertThat(fired).containsExactly(80, 157);
    FiringRule edge = new FiringRule(0.5f, 75);
    for (int i = 0; i < 75; i++) {
      assertThat(edge.offer(0.9f)).isFalse(); // counters 1..75
    }
    assertThat(edge.offer(0.9f)).isTrue(); // counter 76
  }

  static float[] audio(int n, long seed) {
    Rng r = new Rng(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      double burst = (i / 8000) % 3 == 1 ? 0.5 * Math.sin(i * 0.07) : 0;
      x[i] = (float) ((r.nextFloat() - 0.5) * 0.1 + burst);
    }
    return x;
  }

  static TriggerModel smallModel() {
    TriggerModel m = new TriggerModel(101, 8, 15, 4, 6, 0.8f, GruForm.COURSE, 3L);
    m.eval();
    return m;
  }

  @Test
  void streamingEqualsTheWholeClip() {
    float[] x = audio(3 * 44_100 + 123, 1);
    TriggerModel m = smallModel();
    float[] whole = m.probabilities(TriggerFeatures.of(x).reshape(1, -1, 101)).toArray();
    int[][] chunkings = {{22_050}, {1, 199, 7_919, 80, 81, 30_001, 3}};
    for (int[] sizes : chunkings) {
      TriggerDetector d = new TriggerDetector(smallModel(), 44_100, 0.5f, 75);
      float[] streamed = stream(d, x, sizes).probabilities();
      assertThat(streamed).hasSize(whole.length);
      for (int i = 0; i < whole.length; i++) {
        assertThat(streamed[i]).as("step %d", i).isCloseTo(whole[i], within(1e-5f));
      }
      assertThat(d.steps()).isEqualTo(whole.length);
    }
  }

  @Test
  void streamingDetectionsEqualTheRuleOnTheWholeClip() {
    float[] x = audio(4 * 44_100, 2);
    TriggerModel m = smallModel();
    float[] whole = m.probabilities(TriggerFeatures.of(x).reshape(1, -1, 101)).toArray();
    float[] sorted = whole.clone();
    Arrays.sort(sorted);
    float threshold = sorted[sorted.length * 3 / 4]; // an untrained model: fire on its top quarter
    FiringRule rule = new FiringRule(threshold, 75);
    List<Long> expected = new ArrayList<>();
    for (int i = 0; i < whole.length; i++) {
      if (rule.offer(whole[i])) {
        expected.add((long) i);
      }
    }
    assertThat(expected).isNotEmpty();
    TriggerDetector d = new TriggerDetector(smallModel(), 44_100, threshold, 75);
    List<Detection> got = stream(d, x, new int[] {22_050}).detections();
    assertThat(got.stream().map(Detection::step).toList()).isEqualTo(expected);
    for (Detection det : got) {
      assertThat(det.seconds()).isCloseTo(det.step() * 320 / 44_100.0, within(1e-9));
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new TriggerDetector(smallModel(), 44_100, 1.5f, 75))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> new FiringRule(0.5f, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  /** Feeds x in chunks of the given sizes, cycling; concatenates what comes out. */
  static TriggerDetector.Result stream(TriggerDetector d, float[] x, int[] sizes) {
    List<Float> probs = new ArrayList<>();
    List<Detection> dets = new ArrayList<>();
    int at = 0;
    for (int c = 0; at < x.length; c++) {
      int n = Math.min(sizes[c % sizes.length], x.length - at);
      TriggerDetector.Result r = d.accept(Arrays.copyOfRange(x, at, at + n));
      for (float v : r.probabilities()) {
        probs.add(v);
      }
      dets.addAll(r.detections());
      at += n;
    }
    float[] p = new float[probs.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = probs.get(i);
    }
    return new TriggerDetector.Result(p, dets);
  }
}
