package org.seqlearn.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqlearn.audio.Fixtures.assertClose;
import static org.seqlearn.audio.Fixtures.load;
import static org.seqlearn.audio.Fixtures.signal;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seqlearn.audio.Fixtures;

/** Parity with matplotlib, SciPy and PyTorch on fixtures from tools/gen_audio_fixtures.py. */
class SpectralParityTest {
  static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @ParameterizedTest
  @CsvSource({
    "hann, 200",
    "hann, 201",
    "hamming, 200",
    "hamming, 201",
    "blackman, 200",
    "blackman, 201"
  })
  void windowsMatchScipy(String name, int n) {
    WindowFunction w = WindowFunction.parse(name);
    assertClose(
        name + " periodic",
        w.create(n, true),
        load("windows/" + name + "_" + n + "_periodic").data(),
        1e-6,
        1e-6);
    assertClose(
        name + " symmetric",
        w.create(n, false),
        load("windows/" + name + "_" + n + "_symmetric").data(),
        1e-6,
        1e-6);
  }

  @ParameterizedTest
  @CsvSource({"sig8k, 48", "sig44k, 136"})
  void matplotlibSpecgramCourseSetup(String sig, int frames) {
    MatplotlibSpecgram.Result r = MatplotlibSpecgram.triggerWord().compute(signal(sig));
    Fixtures.Array ref = load("specgram/" + sig + "_pxx");
    assertThat(ref.shape()).containsExactly(101, frames);
    assertThat(r.spectrum().bins()).isEqualTo(101);
    assertThat(r.spectrum().frames()).isEqualTo(frames);
    double worst = assertClose("Pxx " + sig, r.spectrum().data(), ref.data());
    System.out.printf("specgram %s worst rel err %.2e%n", sig, worst);
    assertClose("freqs", toFloat(r.freqs()), load("specgram/" + sig + "_freqs").data(), 1e-6, 1e-6);
    assertClose("times", toFloat(r.times()), load("specgram/" + sig + "_times").data(), 1e-6, 1e-6);
  }

  @Test
  void courseShapeFor10SecondsAt44k() {
    MatplotlibSpecgram.Result r = MatplotlibSpecgram.triggerWord().compute(new float[441000]);
    assertThat(r.spectrum().bins()).isEqualTo(101);
    assertThat(r.spectrum().frames()).isEqualTo(5511);
  }

  private static void assertComplex(String what, ComplexSpectrogram z, Fixtures.Array ref) {
    assertThat(new int[] {z.bins(), z.frames(), 2}).as(what + " shape").isEqualTo(ref.shape());
    double worst = assertClose(what, z.interleaved(), ref.data());
    System.out.printf("%s worst rel err %.2e%n", what, worst);
  }

  @Test
  void scipyStftDefault() {
    ScipyStft.Result r = new ScipyStft().fs(8000).compute(signal("sig8k"));
    assertComplex("scipy default", r.z(), load("scipy_stft/default_z"));
    assertClose("f", toFloat(r.freqs()), load("scipy_stft/default_f").data(), 1e-6, 1e-6);
    assertClose("t", toFloat(r.times()), load("scipy_stft/default_t").data(), 1e-6, 1e-6);
  }

  @Test
  void scipyStftHammingEvenPsd() {
    ScipyStft.Result r =
        new ScipyStft()
            .fs(8000)
            .window(WindowFunction.HAMMING)
            .nperseg(200)
            .noverlap(120)
            .nfft(256)
            .boundary(PadMode.REFLECT)
            .psdScaling(true)
            .compute(signal("sig8k"));
    assertComplex("scipy hamming even psd", r.z(), load("scipy_stft/hamming_even_psd_z"));
    assertClose("t", toFloat(r.times()), load("scipy_stft/hamming_even_psd_t").data(), 1e-6, 1e-6);
  }

  @Test
  void scipyStftBlackmanNoBoundaryOddLength() {
    float[] x = Arrays.copyOf(signal("sig8k"), 3001);
    ScipyStft.Result r =
        new ScipyStft()
            .fs(8000)
            .window(WindowFunction.BLACKMAN)
            .nperseg(255)
            .noverlap(200)
            .boundary(null)
            .padded(false)
            .compute(x);
    assertComplex("scipy blackman none", r.z(), load("scipy_stft/blackman_none_z"));
    assertClose("t", toFloat(r.times()), load("scipy_stft/blackman_none_t").data(), 1e-6, 1e-6);
  }

  @Test
  void scipyStftOddBoundaryAndTwoSided() {
    float[] x = Arrays.copyOf(signal("sig8k"), 2999);
    ScipyStft.Result odd =
        new ScipyStft().nperseg(128).noverlap(64).boundary(PadMode.ODD).compute(x);
    assertComplex("scipy odd", odd.z(), load("scipy_stft/hann_odd_z"));
    ScipyStft.Result two =
        new ScipyStft().nperseg(128).noverlap(28).boundary(PadMode.EDGE).onesided(false).compute(x);
    assertComplex("scipy constant twosided", two.z(), load("scipy_stft/hann_constant_twosided_z"));
  }

  @Test
  void torchStftReflect() {
    StftConfig c = StftConfig.of(400).withHop(160);
    assertComplex(
        "torch reflect 400", Stft.forward(signal("sig16k"), c), load("torch_stft/reflect_400_z"));
  }

  @Test
  void torchStftConstantShortWindow() {
    StftConfig c =
        StftConfig.of(512).withHop(128).withWinLength(400).withCenter(true, PadMode.CONSTANT);
    assertComplex(
        "torch constant 512 win 400",
        Stft.forward(Arrays.copyOf(signal("sig16k"), 4000), c),
        load("torch_stft/constant_512_win400_z"));
  }

  @Test
  void torchStftNoCenterHamming() {
    StftConfig c =
        StftConfig.of(256)
            .withHop(100)
            .withWindow(WindowFunction.HAMMING, true)
            .withCenter(false, PadMode.REFLECT);
    assertComplex(
        "torch no-center hamming",
        Stft.forward(Arrays.copyOf(signal("sig16k"), 4000), c),
        load("torch_stft/nocenter_256_hamming_z"));
  }

  @Test
  void torchStftRectNormalizedTwoSided() {
    StftConfig c =
        StftConfig.of(64)
            .withHop(16)
            .withWindow(WindowFunction.RECTANGULAR, true)
            .withNormalized(true)
            .withOnesided(false);
    ComplexSpectrogram z = Stft.forward(Arrays.copyOf(signal("sig8k"), 1000), c);
    assertComplex(
        "torch rect normalized twosided", z, load("torch_stft/rect_64_normalized_twosided_z"));
    float[] back = InverseStft.inverse(z, c, 1000);
    assertClose("istft twosided roundtrip", back, Arrays.copyOf(signal("sig8k"), 1000), 1e-4, 1e-2);
  }

  @Test
  void istftMatchesTorchAndRoundTrips() {
    StftConfig c = StftConfig.of(400).withHop(160);
    float[] x = signal("sig16k");
    ComplexSpectrogram z = Stft.forward(x, c);
    float[] y = InverseStft.inverse(z, c, x.length);
    double worst =
        assertClose("istft vs torch", y, load("torch_stft/reflect_400_istft").data(), 1e-4, 1e-2);
    System.out.printf("istft worst rel err %.2e%n", worst);
    assertClose("istft roundtrip", y, x, 1e-4, 1e-2);
    assertThat(InverseStft.inverse(z, c, -1)).hasSize(160 * (z.frames() - 1));
  }

  @Test
  void istftRejectsVanishingEnvelope() {
    StftConfig c = StftConfig.of(64).withHop(64).withCenter(false, PadMode.REFLECT);
    ComplexSpectrogram z = Stft.forward(new float[256], c);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InverseStft.inverse(z, c, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("envelope");
  }

  @Test
  void padModes() {
    float[] x = {1, 2, 3, 4};
    assertThat(PadMode.REFLECT.pad(x, 2, 2)).containsExactly(3, 2, 1, 2, 3, 4, 3, 2);
    assertThat(PadMode.CONSTANT.pad(x, 1, 2)).containsExactly(0, 1, 2, 3, 4, 0, 0);
    assertThat(PadMode.EDGE.pad(x, 2, 1)).containsExactly(1, 1, 1, 2, 3, 4, 4);
    assertThat(PadMode.ODD.pad(x, 2, 2)).containsExactly(-1, 0, 1, 2, 3, 4, 5, 6);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PadMode.REFLECT.pad(x, 4, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signal length 4");
  }

  @Test
  void decibels() {
    Spectrogram p = new Spectrogram(1, 4, new float[] {1f, 100f, 1e-12f, 0.01f});
    assertThat(Decibels.powerToDb(p).data()).containsExactly(0f, 20f, -100f, -20f);
    assertThat(Decibels.powerToDb(p, 30).data()).containsExactly(0f, 20f, -10f, -10f);
    assertThat(Decibels.amplitudeToDb(p, Double.NaN).data()).containsExactly(0f, 40f, -200f, -40f);
  }
}
