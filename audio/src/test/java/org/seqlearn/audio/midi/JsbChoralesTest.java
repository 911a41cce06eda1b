package org.seqlearn.audio.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.seqlearn.audio.Fixtures;

class JsbChoralesTest {
  @Test
  void readsTheFormatIntoPianoRolls() throws Exception {
    JsbChorales jsb = JsbChorales.read(Fixtures.path("midi/jsb_tiny.json"));
    assertThat(jsb.train()).hasSize(2);
    assertThat(jsb.valid()).isEmpty();
    assertThat(jsb.test()).hasSize(1);
    assertThat(JsbChorales.steps(jsb.train())).isEqualTo(3);
    PianoRoll test = jsb.split("test").get(0);
    assertThat(test.keys()).isEqualTo(88);
    assertThat(test.lowestPitch()).isEqualTo(21);
    assertThat(PianoRollTest.on(test)).containsExactly("0:39", "0:43", "0:46", "2:0", "2:87");
    assertThat(PianoRollTest.on(jsb.train().get(0)))
        .containsExactly("0:22", "0:34", "0:41", "0:50", "1:22", "1:34", "1:41", "1:50");
    assertThat(PianoRollTest.on(jsb.train().get(1))).containsExactly("0:75");
  }

  @Test
  void malformedFilesFailNamingWhatWasExpected() {
    assertThat(error("[]")).contains("expected a JSON object with train, valid and test");
    assertThat(error("{\"train\": [], \"valid\": []}"))
        .contains("expected split \"test\" as a list of pieces, found nothing");
    assertThat(error("{\"train\": [], \"valid\": [], \"test\": [], \"x\": 1}"))
        .contains("found \"x\"");
    assertThat(error("{\"train\": [[[60, 20]]], \"valid\": [], \"test\": []}"))
        .contains("train piece 0 step 0 to hold integer pitches 21..108, found 20");
    assertThat(error("{\"train\": [[[60.5]]], \"valid\": [], \"test\": []}"))
        .contains("found 60.5");
    assertThat(error("{\"train\": [[7]], \"valid\": [], \"test\": []}"))
        .contains("train piece 0 step 0 as a list of pitches, found 7");
    assertThat(error("{\"train\": [[[60]]")).contains("invalid JSON at byte 17");
  }

  @Test
  void errorsFromAFileNameIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path p = dir.resolve("bad.json");
    Files.writeString(p, "{}");
    assertThatThrownBy(() -> JsbChorales.read(p)).hasMessageStartingWith(p + ": expected split");
  }

  /** The real benchmark file, when present, has the split sizes SOURCES.md states. */
  @Test
  void realFileHasTheStatedSplits() throws Exception {
    Path file = realFile();
    assumeTrue(file != null, "jsb-chorales-quarter.json not found (set SEQLEARN_DATA)");
    JsbChorales jsb = JsbChorales.read(file);
    assertThat(List.of(jsb.train().size(), jsb.valid().size(), jsb.test().size()))
        .containsExactly(229, 76, 77);
    assertThat(List.of(JsbChorales.steps(jsb.train()), JsbChorales.steps(jsb.valid()),
        JsbChorales.steps(jsb.test()))).containsExactly(13_807, 4_602, 4_725);
  }

  /**
   * The real file's key-frequency baseline (SOURCES.md: about 11.1 nats) matches the figure
   * tools/jsb_baseline_crosscheck.py computes with Python's json and numpy: 11.092503418758.
   */
  @Test
  void realFileReproducesTheKeyFrequencyBaseline() throws Exception {
    Path file = realFile();
    assumeTrue(file != null, "jsb-chorales-quarter.json not found (set SEQLEARN_DATA)");
    JsbChorales jsb = JsbChorales.read(file);
    double[] count = new double[88];
    for (PianoRoll r : jsb.train()) {
      for (int s = 0; s < r.steps(); s++) {
        for (int k = 0; k < 88; k++) {
          count[k] += r.get(s, k) ? 1 : 0;
        }
      }
    }
    int steps = JsbChorales.steps(jsb.train());
    double total = 0;
    int scored = 0;
    for (PianoRoll r : jsb.test()) {
      for (int s = 1; s < r.steps(); s++, scored++) {
        for (int k = 0; k < 88; k++) {
          double p = (count[k] + 1) / (steps + 2);
          total -= Math.log(r.get(s, k) ? p : 1 - p);
        }
      }
    }
    assertThat(scored).isEqualTo(4648);
    assertThat(total / scored).isCloseTo(11.092503418758, within(1e-9));
  }

  private static Path realFile() {
    String env = System.getenv("SEQLEARN_DATA");
    return Stream.of(env == null ? null : Path.of(env), Path.of("../../shared/data"),
            Path.of("/work/shared/data"))
        .filter(d -> d != null)
        .map(d -> d.resolve("music/jsb_chorales/jsb-chorales-quarter.json"))
        .filter(Files::isRegularFile)
        .findFirst().orElse(null);
  }

  private static String error(String json) {
    try {
      JsbChorales.parse(json.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + json);
  }
}
