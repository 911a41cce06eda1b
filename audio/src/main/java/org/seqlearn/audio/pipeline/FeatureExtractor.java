package org.seqlearn.audio.pipeline;

import org.seqlearn.audio.features.Deltas;
import org.seqlearn.audio.features.MelSpectrogram;
import org.seqlearn.audio.features.Mfcc;
import org.seqlearn.audio.resample.Resampler;
import org.seqlearn.audio.spectral.Decibels;
import org.seqlearn.audio.spectral.MatplotlibSpecgram;
import org.seqlearn.audio.spectral.ScipyStft;
import org.seqlearn.audio.spectral.Spectrogram;
import org.seqlearn.audio.spectral.Stft;
import org.seqlearn.audio.spectral.StftConfig;
import org.seqlearn.audio.wav.Audio;

/** Turns decoded audio and {@link FeatureSettings} into {@link Features}. */
public final class FeatureExtractor {
  private FeatureExtractor() {}

  /** Picks the channel (or mixes down) and resamples as the settings say; returns mono samples. */
  public static float[] prepare(Audio audio, FeatureSettings s) {
    float[] x = s.channel < 0 ? audio.mixToMono() : audio.channel(s.channel);
    if (s.resampleTo > 0 && s.resampleTo != audio.sampleRate()) {
      x = Resampler.of(audio.sampleRate(), s.resampleTo).resample(x);
    }
    return x;
  }

  /** Computes the features. */
  public static Features extract(Audio audio, FeatureSettings s) {
    float[] x = prepare(audio, s);
    int sr = s.resampleTo > 0 ? s.resampleTo : audio.sampleRate();
    double secs = x.length / (double) sr;
    String db = "dB";
    switch (s.mode) {
      case SPECGRAM -> {
        int nfft = s.nFft > 0 ? s.nFft : 200;
        int nover = s.noverlap >= 0 ? s.noverlap : s.hop > 0 ? nfft - s.hop : 120;
        double fs = s.specgramFs > 0 ? s.specgramFs : sr;
        MatplotlibSpecgram m = new MatplotlibSpecgram().nfft(nfft).noverlap(nover).fs(fs);
        if (s.window != org.seqlearn.audio.spectral.WindowFunction.HANN || s.periodic != null) {
          m.window(s.window.create(nfft, s.periodic != null && s.periodic));
        }
        Spectrogram p = m.compute(x).spectrum();
        Spectrogram v = s.decibels ? Decibels.powerToDb(p, s.topDb) : p;
        // matplotlib's axes follow Fs, not the true rate (the course passes Fs=8000)
        return new Features(
            v, sr, x.length / fs, 0, fs / 2, "Frequency (Hz)", s.decibels ? db : "PSD");
      }
      case STFT -> {
        Spectrogram p = Stft.spectrogram(x, stftConfig(s), s.power);
        return new Features(toDb(p, s), sr, secs, 0, sr / 2.0, "Frequency (Hz)", valueLabel(s));
      }
      case SCIPY -> {
        int nperseg = s.winLength > 0 ? s.winLength : s.nFft > 0 ? s.nFft : 256;
        int nover = s.noverlap >= 0 ? s.noverlap : s.hop > 0 ? nperseg - s.hop : nperseg / 2;
        ScipyStft st =
            new ScipyStft()
                .fs(sr)
                .window(s.window)
                .nperseg(nperseg)
                .noverlap(nover)
                .nfft(s.nFft > 0 ? s.nFft : nperseg)
                .boundary(s.center ? s.padMode : null)
                .psdScaling(s.psdScaling);
        Spectrogram p = st.compute(x).z().abs(s.power);
        return new Features(toDb(p, s), sr, secs, 0, sr / 2.0, "Frequency (Hz)", valueLabel(s));
      }
      case MEL -> {
        Spectrogram m = mel(s, sr).compute(x);
        return new Features(toDb(m, s), sr, secs, 0, s.nMels, "Mel band", valueLabel(s));
      }
      case LOGMEL -> {
        return new Features(mel(s, sr).logMel(x), sr, secs, 0, s.nMels, "Mel band", "ln(mel)");
      }
      case MFCC -> {
        double top = Double.isNaN(s.topDb) ? 80.0 : s.topDb;
        Spectrogram c = new Mfcc(mel(s, sr), s.nMfcc, true, s.logMels, top).compute(x);
        if (s.deltas) {
          Spectrogram d1 = Deltas.compute(c, s.deltaWin);
          Spectrogram d2 = Deltas.compute(d1, s.deltaWin);
          c = stack(c, d1, d2);
        }
        return new Features(c, sr, secs, 0, c.bins(), "Coefficient", "MFCC");
      }
      default -> throw new IllegalStateException(s.mode.toString());
    }
  }

  static StftConfig stftConfig(FeatureSettings s) {
    int nFft = s.nFft > 0 ? s.nFft : 400;
    int win = s.winLength > 0 ? s.winLength : nFft;
    int hop = s.hop > 0 ? s.hop : Math.max(1, win / 2);
    boolean periodic = s.periodic == null || s.periodic;
    return StftConfig.of(nFft)
        .withWinLength(win)
        .withHop(hop)
        .withWindow(s.window, periodic)
        .withCenter(s.center, s.padMode);
  }

  static MelSpectrogram mel(FeatureSettings s, int sr) {
    StftConfig c = stftConfig(s);
    return MelSpectrogram.builder(sr)
        .nFft(c.nFft())
        .winLength(c.winLength())
        .hop(c.hopLength())
        .window(s.window)
        .center(s.center, s.padMode)
        .power(s.power)
        .nMels(s.nMels)
        .fMin(s.fMin)
        .fMax(s.fMax)
        .scale(s.melScale)
        .slaneyNorm(s.slaneyNorm)
        .build();
  }

  private static Spectrogram toDb(Spectrogram p, FeatureSettings s) {
    if (!s.decibels) {
      return p;
    }
    return s.power == 1 ? Decibels.amplitudeToDb(p, s.topDb) : Decibels.powerToDb(p, s.topDb);
  }

  private static String valueLabel(FeatureSettings s) {
    return s.decibels
        ? "dB"
        : s.power == 1 ? "Magnitude" : s.power == 2 ? "Power" : "|X|^" + s.power;
  }

  private static Spectrogram stack(Spectrogram... parts) {
    int frames = parts[0].frames();
    int rows = 0;
    for (Spectrogram p : parts) {
      rows += p.bins();
    }
    float[] out = new float[rows * frames];
    int at = 0;
    for (Spectrogram p : parts) {
      System.arraycopy(p.data(), 0, out, at, p.data().length);
      at += p.data().length;
    }
    return new Spectrogram(rows, frames, out);
  }
}
