package org.seqlearn.audio.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqlearn.audio.Fixtures.assertClose;
import static org.seqlearn.audio.Fixtures.flatten;
import static org.seqlearn.audio.Fixtures.load;
import static org.seqlearn.audio.Fixtures.signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqlearn.audio.Fixtures;
import org.seqlearn.audio.spectral.PadMode;
import org.seqlearn.audio.spectral.Spectrogram;

/** Parity with torchaudio 0.13 on fixtures from tools/gen_audio_fixtures.py. */
class FeaturesParityTest {
  static void check(String what, Spectrogram got, String fixture) {
    Fixtures.Array ref = load(fixture);
    assertThat(new int[] {got.bins(), got.frames()}).as(what + " shape").isEqualTo(ref.shape());
    double worst = assertClose(what, got.data(), ref.data());
    System.out.printf("%s worst rel err %.2e%n", what, worst);
  }

  @ParameterizedTest
  @CsvSource({
    "htk_none_201_40, 201, 0, 8000, 40, false, HTK",
    "slaney_slaney_257_64, 257, 20, 7600, 64, true, SLANEY",
    "slaney_none_129_80, 129, 0, 8000, 80, false, SLANEY",
    "htk_slaney_201_40, 201, 0, 8000, 40, true, HTK"
  })
  void filterBanksMatchTorchaudio(
      String name, int nFreqs, double fMin, double fMax, int nMels, boolean norm, MelScale scale) {
    MelFilterBank fb = MelFilterBank.create(nFreqs, fMin, fMax, nMels, 16000, norm, scale);
    Fixtures.Array ref = load("mel/fbank_" + name);
    assertThat(ref.shape()).containsExactly(nFreqs, nMels);
    double worst = assertClose("fbank " + name, flatten(fb.dense()), ref.data(), 1e-4, 1e-3);
    System.out.printf("fbank %s worst rel err %.2e%n", name, worst);
  }

  static MelSpectrogram htk40() {
    return MelSpectrogram.builder(16000).nFft(400).hop(160).nMels(40).build();
  }

  static MelSpectrogram slaney64(double power) {
    return slaney64(power, PadMode.CONSTANT);
  }

  static MelSpectrogram slaney64(double power, PadMode pad) {
    return MelSpectrogram.builder(16000)
        .nFft(512)
        .winLength(400)
        .hop(160)
        .fMin(20)
        .fMax(7600)
        .nMels(64)
        .power(power)
        .slaneyNorm(true)
        .scale(MelScale.SLANEY)
        .center(true, pad)
        .build();
  }

  @Test
  void melSpectrograms() {
    float[] x = signal("sig16k");
    check("mel htk 40", htk40().compute(x), "mel/melspec_htk_40");
    check("mel slaney 64 magnitude", slaney64(1).compute(x), "mel/melspec_slaney_64_mag");
    check("mel htk 40 dB", htk40().decibels(x, 80), "mel/melspec_htk_40_db");
    check("mel slaney 64 dB", slaney64(1).decibels(x, Double.NaN), "mel/melspec_slaney_64_mag_db");
  }

  @Test
  void mfccs() {
    float[] x = signal("sig16k");
    Spectrogram m = Mfcc.of(htk40(), 13).compute(x);
    check("mfcc 13", m, "mfcc/mfcc_13_htk40");
    check(
        "mfcc 20 log-mels",
        new Mfcc(slaney64(2, PadMode.REFLECT), 20, true, true, 80).compute(x),
        "mfcc/mfcc_20_logmels_slaney64");
    // deltas on torchaudio's own MFCCs isolate the delta algorithm: differences of neighbours
    // amplify the MFCC's float32 rounding, so end-to-end deltas are judged against the peak
    Fixtures.Array refMfcc = load("mfcc/mfcc_13_htk40");
    Spectrogram r = new Spectrogram(refMfcc.dim(0), refMfcc.dim(1), refMfcc.data());
    check("deltas 5", Deltas.compute(r, 5), "mfcc/deltas_5");
    check("deltas 9", Deltas.compute(r, 9), "mfcc/deltas_9");
    check("delta-deltas", Deltas.compute(Deltas.compute(r, 5), 5), "mfcc/delta_deltas_5");
    double worst =
        assertClose(
            "deltas 5 end to end",
            Deltas.compute(m, 5).data(),
            load("mfcc/deltas_5").data(),
            1e-4,
            1e-2);
    System.out.printf("deltas 5 end to end worst rel err (floor 1e-2 of peak) %.2e%n", worst);
  }

  @Test
  void melScalesInvert() {
    for (MelScale s : MelScale.values()) {
      for (double hz : new double[] {0, 300, 999.9, 1000, 4000, 11025}) {
        assertThat(s.melToHz(s.hzToMel(hz)))
            .isCloseTo(hz, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    assertThat(MelScale.SLANEY.hzToMel(1000))
        .isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void dctOrthoIsOrthonormal() {
    float[][] d = Dct.matrix(8, 8, true);
    for (int a = 0; a < 8; a++) {
      for (int b = 0; b < 8; b++) {
        double dot = 0;
        for (int n = 0; n < 8; n++) {
          dot += d[n][a] * d[n][b];
        }
        assertThat(dot).isCloseTo(a == b ? 1 : 0, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }
}
