package org.seqlearn.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seqlearn.audio.features.MelScale;
import org.seqlearn.core.io.AtomicFiles;
import org.seqlearn.audio.io.NpyWriter;
import org.seqlearn.audio.pipeline.FeatureExtractor;
import org.seqlearn.audio.pipeline.FeatureMode;
import org.seqlearn.audio.pipeline.FeatureSettings;
import org.seqlearn.audio.pipeline.Features;
import org.seqlearn.audio.render.ColorMap;
import org.seqlearn.audio.render.SpectrogramRenderer;
import org.seqlearn.audio.spectral.PadMode;
import org.seqlearn.audio.spectral.Spectrogram;
import org.seqlearn.audio.spectral.WindowFunction;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqlearn spectrogram}: WAV in; a PNG plot and/or a features file (.npy or .csv) out.
 *
 * <pre>
 * seqlearn spectrogram clip.wav --png clip.png                      # course specgram, dB plot
 * seqlearn spectrogram clip.wav --mode mfcc --n-mels 40 --n-mfcc 13 --hop 160 --deltas -f f.npy
 * </pre>
 */
@Command(
    name = "spectrogram",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Computes a spectrogram, mel spectrogram or MFCCs of a WAV file and writes a PNG plot",
      "and/or the values (.npy float32 or .csv). Modes reproduce matplotlib specgram,",
      "torch.stft / torchaudio Spectrogram, scipy.signal.stft, torchaudio MelSpectrogram/MFCC."
    })
public final class SpectrogramCommand implements Callable<Integer> {
  /** The fewest sample frames a spectrogram is computed from. */
  private static final int MIN_FRAMES = 2;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "WAV",
      description = "Input WAV file (PCM 8/16/24/32, float).")
  Path input;

  @Option(
      names = {"-o", "--png"},
      paramLabel = "PNG",
      description = "Write a plot here.")
  Path png;

  @Option(
      names = {"-f", "--features"},
      paramLabel = "FILE",
      description = "Write the values here: .npy (float32) or .csv.")
  Path featuresFile;

  @Option(
      names = "--mode",
      defaultValue = "specgram",
      description = "specgram | stft | scipy | mel | logmel | mfcc (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--channel",
      defaultValue = "-1",
      description = "Channel index, or -1 to mix down to mono (default).")
  int channel;

  @Option(
      names = "--resample",
      paramLabel = "HZ",
      description = "Resample to this rate first (windowed sinc, torchaudio's filter).")
  Integer resample;

  @Option(
      names = "--n-fft",
      description = "FFT size (specgram NFFT, default 200; others 400; scipy nfft).")
  Integer nFft;

  @Option(
      names = "--win-length",
      description = "Window length (default n-fft; scipy nperseg).")
  Integer winLength;

  @Option(
      names = "--hop",
      description = "Hop in samples (default win-length/2; specgram NFFT-noverlap).")
  Integer hop;

  @Option(
      names = "--noverlap",
      description = "Overlap in samples for specgram (default 120) and scipy (nperseg/2).")
  Integer noverlap;

  @Option(
      names = "--window",
      defaultValue = "hann",
      description = "hann | hamming | blackman | rectangular (default: ${DEFAULT-VALUE}).")
  String window;

  @Option(
      names = "--symmetric",
      description =
          "Symmetric window (default periodic; specgram"
              + " uses matplotlib's symmetric Hann unless a window option is given).")
  Boolean symmetric;

  @Option(
      names = "--no-center",
      description = "Do not centre/pad frames (torch center=False;" + " scipy boundary=None).")
  boolean noCenter;

  @Option(
      names = "--pad-mode",
      defaultValue = "reflect",
      description = "reflect | constant | edge | odd (default: ${DEFAULT-VALUE}).")
  String padMode;

  @Option(
      names = "--power",
      defaultValue = "2",
      description = "Magnitude exponent for stft/scipy/mel: 2 power, 1 magnitude.")
  double power;

  @Option(
      names = "--fs",
      defaultValue = "-1",
      description = "specgram Fs (Hz); default the file's rate. The course uses 8000.")
  double fs;

  @Option(names = "--psd-scaling", description = "scipy scaling='psd' instead of 'spectrum'.")
  boolean psdScaling;

  @Option(names = "--n-mels", defaultValue = "128", description = "Mel bands (default 128).")
  int nMels;

  @Option(names = "--f-min", defaultValue = "0", description = "Lowest mel frequency (Hz).")
  double fMin;

  @Option(names = "--f-max", defaultValue = "-1", description = "Highest mel frequency (Hz).")
  double fMax;

  @Option(names = "--mel-scale", defaultValue = "htk", description = "htk | slaney.")
  String melScale;

  @Option(names = "--mel-norm", defaultValue = "none", description = "none | slaney.")
  String melNorm;

  @Option(names = "--n-mfcc", defaultValue = "40", description = "MFCC coefficients (default 40).")
  int nMfcc;

  @Option(names = "--log-mels", description = "MFCC from ln(mel + 1e-6) instead of dB.")
  boolean logMels;

  @Option(names = "--deltas", description = "Append MFCC deltas and delta-deltas.")
  boolean deltas;

  @Option(names = "--delta-win", defaultValue = "5", description = "Delta window (default 5).")
  int deltaWin;

  @Option(
      names = "--db",
      description =
          "Convert specgram/stft/scipy/mel values to dB"
              + " (the PNG is always drawn in dB for these modes).")
  boolean db;

  @Option(
      names = "--top-db",
      defaultValue = "NaN",
      description = "Clip dB values this far below the maximum (MFCC default 80).")
  double topDb;

  @Option(
      names = "--time-major",
      description =
          "Features file as [frames, rows] (default" + " [rows, frames], like torchaudio).")
  boolean timeMajor;

  @Option(
      names = "--colormap",
      defaultValue = "viridis",
      description = "viridis | magma | inferno | gray.")
  String colormap;

  @Option(names = "--width", defaultValue = "900", description = "Plot width in pixels.")
  int width;

  @Option(names = "--height", defaultValue = "420", description = "Plot height in pixels.")
  int height;

  @Option(names = "--title", description = "Plot title (default: the file name).")
  String title;

  @Option(names = "--vmin", defaultValue = "NaN", description = "Colour scale minimum.")
  double vmin;

  @Option(names = "--vmax", defaultValue = "NaN", description = "Colour scale maximum.")
  double vmax;

  @Override
  public Integer call() throws IOException {
    if (png == null && featuresFile == null) {
      throw new IllegalArgumentException("nothing to do; give --png and/or --features");
    }
    FeatureSettings s = settings();
    ColorMap cmap = ColorMap.parse(colormap);
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("--width and --height must be >= 1, got " + width
          + " x " + height);
    }
    InputFiles.requireReadable(input, "WAV");
    if (featuresFile != null) {
      InputFiles.requireWritable(featuresFile, "--features");
    }
    if (png != null) {
      InputFiles.requireWritable(png, "--png");
    }
    Audio audio = InputFiles.using(input, "WAV", () -> WavReader.read(input));
    if (channel >= audio.channels()) {
      throw new IllegalArgumentException("--channel must be -1 or in [0, " + audio.channels()
          + "), got " + channel);
    }
    if (audio.frames() < MIN_FRAMES) {
      throw new InputFileException("WAV " + input + ": has " + audio.frames() + " sample frame"
          + (audio.frames() == 1 ? "" : "s") + ", expected at least " + MIN_FRAMES);
    }
    Features f = FeatureExtractor.extract(audio, s);
    Spectrogram v = f.values();
    if (v.frames() == 0 || v.bins() == 0) {
      throw new InputFileException("WAV " + input + ": its " + audio.frames() + " sample frames "
          + "give no analysis frame with these settings (too short for the window)");
    }
    if (featuresFile != null) {
      InputFiles.using(featuresFile, "--features", () -> {
        writeFeatures(v);
        return null;
      });
    }
    if (png != null) {
      Features plot = f;
      if (!s.decibels && plotInDb(s.mode)) {
        s.decibels = true;
        plot = FeatureExtractor.extract(audio, s);
      }
      Features drawn = plot;
      InputFiles.using(png, "--png", () -> {
        new SpectrogramRenderer()
            .size(width, height)
            .colorMap(cmap)
            .title(title != null ? title : input.getFileName().toString())
            .labels("Time (s)", drawn.yLabel(), drawn.valueLabel())
            .range(vmin, vmax)
            .write(drawn.values(), 0, drawn.seconds(), drawn.yMin(), drawn.yMax(), png);
        return null;
      });
    }
    spec.commandLine().getOut().printf(
        Locale.ROOT,
        "%s: %s, %d Hz, %.3f s -> %s %d x %d%n",
        input.getFileName(),
        audio.channels() == 1 ? "mono" : audio.channels() + " channels",
        audio.sampleRate(),
        audio.seconds(),
        s.mode.name().toLowerCase(Locale.ROOT),
        v.bins(),
        v.frames());
    return 0;
  }

  /** An optional size: absent is the mode's default (-1 for the settings), else {@code >= min}. */
  private static int size(Integer value, String option, int min) {
    if (value == null) {
      return -1;
    }
    if (value < min) {
      throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
    }
    return value;
  }

  private static boolean plotInDb(FeatureMode m) {
    return m == FeatureMode.SPECGRAM
        || m == FeatureMode.STFT
        || m == FeatureMode.SCIPY
        || m == FeatureMode.MEL;
  }

  FeatureSettings settings() {
    FeatureSettings s = new FeatureSettings();
    s.mode = FeatureMode.parse(mode);
    if (channel < -1) {
      throw new IllegalArgumentException("--channel must be -1 (mix) or >= 0, got " + channel);
    }
    s.channel = channel;
    s.resampleTo = size(resample, "--resample", 1);
    s.nFft = size(nFft, "--n-fft", 1);
    s.winLength = size(winLength, "--win-length", 1);
    s.hop = size(hop, "--hop", 1);
    s.noverlap = size(noverlap, "--noverlap", 0);
    s.window = WindowFunction.parse(window);
    s.periodic = symmetric == null ? null : !symmetric;
    s.center = !noCenter;
    s.padMode = PadMode.parse(padMode);
    s.power = power;
    s.specgramFs = fs;
    s.psdScaling = psdScaling;
    s.nMels = nMels;
    s.fMin = fMin;
    s.fMax = fMax;
    s.melScale = MelScale.parse(melScale);
    s.slaneyNorm =
        switch (melNorm.toLowerCase(Locale.ROOT)) {
          case "slaney" -> true;
          case "none" -> false;
          default ->
              throw new IllegalArgumentException(
                  "--mel-norm must be none or slaney, got '" + melNorm + "'");
        };
    s.nMfcc = nMfcc;
    s.logMels = logMels;
    s.deltas = deltas;
    s.deltaWin = deltaWin;
    s.decibels = db;
    s.topDb = topDb;
    return s;
  }

  private void writeFeatures(Spectrogram v) throws IOException {
    String name = featuresFile.getFileName().toString().toLowerCase(Locale.ROOT);
    int rows = timeMajor ? v.frames() : v.bins();
    int cols = timeMajor ? v.bins() : v.frames();
    float[] data = v.data();
    if (timeMajor) {
      data = new float[data.length];
      for (int k = 0; k < v.bins(); k++) {
        for (int t = 0; t < v.frames(); t++) {
          data[t * v.bins() + k] = v.get(k, t);
        }
      }
    }
    if (name.endsWith(".npy")) {
      NpyWriter.write(featuresFile, data, rows, cols);
    } else if (name.endsWith(".csv")) {
      StringBuilder sb = new StringBuilder();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          if (c > 0) {
            sb.append(',');
          }
          sb.append(data[r * cols + c]);
        }
        sb.append('\n');
      }
      AtomicFiles.writeBytes(featuresFile, sb.toString().getBytes(StandardCharsets.US_ASCII));
    } else {
      throw new IllegalArgumentException(
          "--features must end in .npy or .csv, got '" + featuresFile.getFileName() + "'");
    }
  }
}
