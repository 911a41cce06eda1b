package org.seqlearn.audio.wav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seqlearn.core.io.MutationFuzzer;

/** Seeded mutation fuzzing of {@link WavReader#decode}: parse or {@link WavFormatException}. */
class WavFuzzTest {

  @Test
  void wavFiles() {
    List<byte[]> seeds = new ArrayList<>();
    float[] samples = new float[12];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) Math.sin(i * 0.9) * 0.8f;
    }
    for (WavEncoding e : WavEncoding.values()) {
      seeds.add(WavWriter.encode(new Audio(8000, 1 + e.ordinal() % 3, samples), e));
    }
    MutationFuzzer.Report r = MutationFuzzer.run("WAV", seeds, 101, 3000, WavReader::decode,
        e -> e instanceof WavFormatException);
    System.out.println("fuzz " + r);
    assertThat(r.parsed()).isPositive();
    assertThat(r.rejected()).isPositive();
  }
}
