package org.seqlearn.audio.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqlearn.audio.Fixtures.assertClose;
import static org.seqlearn.audio.Fixtures.load;
import static org.seqlearn.audio.Fixtures.signal;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parity with torchaudio.functional.resample on fixtures from tools/gen_audio_fixtures.py. */
class ResamplerTest {
  @ParameterizedTest
  @CsvSource({
    "16k_to_8k, sig16k, 4000, 16000, 8000, 6, 0.99",
    "44k_to_16k, sig44k, -1, 44100, 16000, 6, 0.99",
    "8k_to_16k, sig8k, 2000, 8000, 16000, 6, 0.99",
    "16k_to_22050, sig16k, 3000, 16000, 22050, 6, 0.99",
    "44k_to_8k_w16_r095, sig44k, -1, 44100, 8000, 16, 0.95"
  })
  void matchesTorchaudio(
      String name, String sig, int len, int from, int to, int width, double rolloff) {
    float[] x = signal(sig);
    if (len > 0) {
      x = Arrays.copyOf(x, len);
    }
    float[] y = new Resampler(from, to, width, rolloff).resample(x);
    float[] ref = load("resample/" + name).data();
    double worst = assertClose(name, y, ref);
    System.out.printf("resample %s worst rel err %.2e%n", name, worst);
  }

  @Test
  void equalRatesCopy() {
    float[] x = {1, 2, 3};
    assertThat(Resampler.of(8000, 8000).resample(x)).containsExactly(1, 2, 3).isNotSameAs(x);
  }

  @Test
  void lengthsAndErrors() {
    assertThat(Resampler.of(44100, 16000).outputLength(441000)).isEqualTo(160000);
    assertThat(Resampler.of(3, 2).outputLength(4)).isEqualTo(3);
    assertThatThrownBy(() -> Resampler.of(0, 16000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> Resampler.of(1_000_003, 999_983))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("common divisor");
  }
}
