package org.seqlearn.audio.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.random.Rng;

class ExampleSynthesizerTest {
  static final int RATE = 8000;

  /** A clip of {@code ms} milliseconds at RATE holding a constant value. */
  static float[] constant(int ms, float v) {
    float[] x = new float[ms * RATE / 1000];
    java.util.Arrays.fill(x, v);
    return x;
  }

  static float[] noise(int ms, long seed, float amp) {
    Rng r = new Rng(seed);
    float[] x = new float[ms * RATE / 1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (r.nextFloat() * 2 - 1) * amp;
    }
    return x;
  }

  static ClipSet clips() {
    return new ClipSet(
        RATE,
        List.of(constant(600, 0.3f), constant(850, 0.25f)),
        List.of(constant(500, -0.2f), constant(1000, -0.1f)),
        List.of(noise(10_000, 1, 0.5f), noise(12_000, 2, 0.3f)));
  }

  @Test
  void labelsAreExactlyTheFiftyStepsAfterEachInsertedTrigger() {
    ExampleSynthesizer s = ExampleSynthesizer.course(clips(), 7);
    int withTriggers = 0;
    for (int e = 0; e < 50; e++) {
      TrainingExample ex = s.next();
      float[] expect = new float[1375];
      for (Segment t : ex.triggers()) {
        int end = (int) ((long) t.endMs() * 1375 / 10_000);
        for (int i = end + 1; i <= end + 50 && i < 1375; i++) {
          expect[i] = 1f;
        }
      }
      assertThat(ex.labels()).containsExactly(expect);
      withTriggers += ex.triggers().isEmpty() ? 0 : 1;
    }
    assertThat(withTriggers).isGreaterThan(20);
  }

  @Test
  void clipsNeverOverlapAndStayInside() {
    ExampleSynthesizer s = ExampleSynthesizer.course(clips(), 11);
    int[] triggerCounts = new int[5];
    int[] negativeCounts = new int[3];
    for (int e = 0; e < 200; e++) {
      TrainingExample ex = s.next();
      List<Segment> all = new ArrayList<>(ex.triggers());
      all.addAll(ex.negatives());
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).endMs()).isLessThan(10_000);
        for (int j = i + 1; j < all.size(); j++) {
          assertThat(all.get(i).overlaps(all.get(j)))
              .as("%s vs %s", all.get(i), all.get(j))
              .isFalse();
        }
      }
      triggerCounts[ex.triggers().size()]++;
      negativeCounts[ex.negatives().size()]++;
      assertThat(ex.audio()).hasSize(80_000);
    }
    // every count in 0..4 and 0..2 occurs (a clip is only dropped after 7 overlapping draws)
    assertThat(triggerCounts).doesNotContain(0);
    assertThat(negativeCounts).doesNotContain(0);
  }

  @Test
  void segmentLengthsFollowTheClipLength() {
    ExampleSynthesizer s = ExampleSynthesizer.course(clips(), 3);
    for (int e = 0; e < 30; e++) {
      TrainingExample ex = s.next();
      for (Segment t : ex.triggers()) {
        assertThat(t.endMs() - t.startMs() + 1).isIn(600, 850);
      }
      for (Segment t : ex.negatives()) {
        assertThat(t.endMs() - t.startMs() + 1).isIn(500, 1000);
      }
    }
  }

  @Test
  void sameSeedSameExamplesOtherSeedOthers() {
    ExampleSynthesizer a = ExampleSynthesizer.course(clips(), 42);
    ExampleSynthesizer b = ExampleSynthesizer.course(clips(), 42);
    ExampleSynthesizer c = ExampleSynthesizer.course(clips(), 43);
    boolean differs = false;
    for (int e = 0; e < 10; e++) {
      TrainingExample x = a.next();
      TrainingExample y = b.next();
      TrainingExample z = c.next();
      assertThat(java.util.Arrays.equals(y.audio(), x.audio())).isTrue();
      assertThat(java.util.Arrays.equals(y.labels(), x.labels())).isTrue();
      assertThat(y.triggers()).isEqualTo(x.triggers());
      assertThat(y.negatives()).isEqualTo(x.negatives());
      differs |= !java.util.Arrays.equals(x.audio(), z.audio());
    }
    assertThat(differs).isTrue();
  }

  @Test
  void backgroundIsLoweredByTwentyDecibelsAndTheMixNormalisedToMinusTwentyDbfs() {
    // one constant background so the background's share is known everywhere
    float[] bg = constant(10_000, 0.5f);
    ClipSet set =
        new ClipSet(RATE, List.of(constant(600, 0.3f)), List.of(constant(500, -0.2f)), List.of(bg));
    ExampleSynthesizer s = ExampleSynthesizer.course(set, 5);
    for (int e = 0; e < 20; e++) {
      TrainingExample ex = s.next();
      float[] x = ex.audio();
      double sum = 0;
      for (float v : x) {
        sum += (double) v * v;
      }
      assertThat(Math.sqrt(sum / x.length)).isCloseTo(0.1, within(1e-4));
      // before the gain: background 0.05, inside a trigger 0.35, inside a negative -0.15
      float[] pre = new float[x.length];
      java.util.Arrays.fill(pre, 0.05f);
      for (Segment t : ex.triggers()) {
        fill(pre, t, 0.35f, 600);
      }
      for (Segment t : ex.negatives()) {
        fill(pre, t, -0.15f, 500);
      }
      double pp = 0;
      for (float v : pre) {
        pp += (double) v * v;
      }
      double g = 0.1 / Math.sqrt(pp / pre.length);
      for (int i = 0; i < x.length; i += 97) {
        assertThat((double) x[i]).isCloseTo(pre[i] * g, within(1e-5));
      }
    }
  }

  private static void fill(float[] pre, Segment s, float v, int ms) {
    int at = s.startMs() * RATE / 1000;
    java.util.Arrays.fill(pre, at, at + ms * RATE / 1000, v);
  }

  @Test
  void silenceStaysSilentAndLoudMixesSaturate() {
    float[] x = {0f, 0f};
    ExampleSynthesizer.normalise(x, -20);
    assertThat(x).containsExactly(0f, 0f);
    float[] y = {0.001f, 0.001f, 0.001f, 0.9f};
    ExampleSynthesizer.normalise(y, 0);
    for (float v : y) {
      assertThat(v).isBetween(-1f, 1f);
    }
  }

  @Test
  void rejectsShortBackgroundsAndOverlongClips() {
    ClipSet shortBg =
        new ClipSet(
            RATE,
            List.of(constant(600, 0.3f)),
            List.of(constant(500, 0.1f)),
            List.of(constant(9000, 0f)));
    assertThatThrownBy(() -> ExampleSynthesizer.course(shortBg, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("80000")
        .hasMessageContaining("72000");
    ClipSet longClip =
        new ClipSet(RATE, List.of(constant(10_000, 0.3f)), List.of(), List.of(constant(10_000, 0)));
    ExampleSynthesizer s =
        new ExampleSynthesizer(longClip, TriggerLabels.course(), 10_000, 4, 0, 1);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 20; i++) {
                s.next();
              }
            })
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10000 ms");
  }
}
