package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavEncoding;
import org.seqlearn.audio.wav.WavWriter;
import picocli.CommandLine;

class SpectrogramCommandTest {
  @TempDir Path dir;
  Path wav;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  @BeforeEach
  void writeWav() throws Exception {
    int sr = 16000;
    float[] x = new float[2 * sr / 2]; // 0.5 s stereo
    for (int i = 0; i < sr / 2; i++) {
      double t = i / (double) sr;
      x[2 * i] = (float) (0.5 * Math.sin(2 * Math.PI * (200 + 3000 * t) * t));
      x[2 * i + 1] = x[2 * i];
    }
    wav = dir.resolve("chirp.wav");
    WavWriter.write(wav, new Audio(sr, 2, x), WavEncoding.PCM_16);
  }

  int run(String... args) {
    CommandLine cl =
        SeqlearnCommand.withFailureReports(new CommandLine(new SpectrogramCommand()));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  static int[] npyShape(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    int hl = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
    String h = new String(b, 10, hl, StandardCharsets.US_ASCII);
    assertThat((10 + hl) % 64).isZero();
    assertThat(b.length).isEqualTo(10 + hl + 4 * product(h));
    String dims = h.substring(h.indexOf('(') + 1, h.indexOf(')'));
    String[] parts = dims.split(",\\s*");
    int[] shape = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      shape[i] = Integer.parseInt(parts[i].trim());
    }
    return shape;
  }

  static int product(String header) {
    String dims = header.substring(header.indexOf('(') + 1, header.indexOf(')'));
    int p = 1;
    for (String d : dims.split(",\\s*")) {
      if (!d.isBlank()) {
        p *= Integer.parseInt(d.trim());
      }
    }
    return p;
  }

  @Test
  void courseSpecgramToPngAndNpy() throws Exception {
    Path png = dir.resolve("s.png");
    Path npy = dir.resolve("s.npy");
    assertThat(run(wav.toString(), "--png", png.toString(), "-f", npy.toString(), "--fs", "8000"))
        .as(err.toString())
        .isZero();
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(78 + 900 + 92);
    assertThat(npyShape(npy)).containsExactly(101, 1 + (8000 - 200) / 80);
    assertThat(out.toString()).contains("2 channels", "16000 Hz", "specgram 101 x 98");
  }

  @Test
  void mfccWithDeltasTimeMajorCsv() throws Exception {
    Path csv = dir.resolve("m.csv");
    assertThat(
            run(
                wav.toString(),
                "--mode",
                "mfcc",
                "--n-mels",
                "40",
                "--n-mfcc",
                "13",
                "--hop",
                "160",
                "--deltas",
                "--time-major",
                "-f",
                csv.toString()))
        .as(err.toString())
        .isZero();
    var lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(51);
    assertThat(lines.get(0).split(",")).hasSize(39);
  }

  @Test
  void everyModeRuns() throws Exception {
    for (String m : new String[] {"stft", "scipy", "mel", "logmel"}) {
      Path png = dir.resolve(m + ".png");
      assertThat(
              run(
                  wav.toString(),
                  "--mode",
                  m,
                  "--resample",
                  "8000",
                  "--n-fft",
                  "256",
                  "--n-mels",
                  "32",
                  "--window",
                  "hamming",
                  "--pad-mode",
                  "constant",
                  "--colormap",
                  "magma",
                  "--png",
                  png.toString()))
          .as(m + ": " + err)
          .isZero();
      assertThat(Files.exists(png)).isTrue();
    }
  }

  @Test
  void errorsAreOneLine() throws Exception {
    assertThat(run(wav.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--png and/or --features");
    Path bad = dir.resolve("bad.wav");
    Files.write(bad, "RIFFxxxxWAVEjunk".getBytes(StandardCharsets.US_ASCII));
    assertThat(run(bad.toString(), "--png", dir.resolve("x.png").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("malformed WAV at byte offset 4");
    assertThat(run(wav.toString(), "--mode", "cqt", "--png", "x.png")).isEqualTo(2);
    assertThat(err.toString()).contains("got 'cqt'");
  }
}
