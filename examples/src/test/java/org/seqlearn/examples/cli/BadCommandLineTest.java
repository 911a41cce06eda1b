package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavEncoding;
import org.seqlearn.audio.wav.WavWriter;
import picocli.CommandLine;

/**
 * Every command, given bad input (a missing file, a directory, a malformed or empty file, invalid
 * UTF-8, a bad gzip, bad option values, an unwritable output), prints exactly one line on stderr
 * that names the problem (and the file, for a file), exits non-zero, and shows no stack trace,
 * Java class name or temporary file name.
 */
class BadCommandLineTest {

  @TempDir static Path dir;

  static String corpus;
  static String vectors;
  static String binaryVectors;
  static String questions;
  static String pairs;
  static String wav;
  static String missing;
  static String directory;
  static String notVectors;
  static String truncatedBinary;
  static String invalidUtf8;
  static String badGzip;
  static String truncatedGzip;
  static String empty;
  static String noFrames;
  static String oneFrame;
  static String notWav;
  static String threeWords;
  static String notAModel;
  static String hugeDimension;
  static String inMissingDir;
  static String underAFile;

  @BeforeAll
  static void writeFixtures() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append("the king and the queen rule the land of paris and rome\n");
    }
    corpus = write("corpus.txt", text.toString());
    vectors = write("vectors.txt", "4 3\nking 1 0 0\nqueen 0.9 0.1 0\nman 0 1 0\n"
        + "woman 0 0.9 0.1\n");
    binaryVectors = dir.resolve("vectors.bin").toString();
    Files.write(Path.of(binaryVectors), binaryHeaderAnd("2 2\n", 2 * (2 + 8)));
    questions = write("questions.txt", ": family\nman king woman queen\n");
    pairs = write("pairs.txt", "woman man\nqueen king\n");
    Path w = dir.resolve("tone.wav");
    float[] samples = new float[4000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) Math.sin(i * 0.3);
    }
    WavWriter.write(w, Audio.mono(8000, samples), WavEncoding.PCM_16);
    wav = w.toString();
    Path none = dir.resolve("none.wav");
    WavWriter.write(none, Audio.mono(8000, new float[0]), WavEncoding.PCM_16);
    noFrames = none.toString();
    Path one = dir.resolve("one.wav");
    WavWriter.write(one, Audio.mono(8000, new float[] {0.5f}), WavEncoding.PCM_16);
    oneFrame = one.toString();

    missing = dir.resolve("no-such-file.txt").toString();
    directory = Files.createDirectory(dir.resolve("a-directory")).toString();
    notVectors = write("not-vectors.txt", "hello world\nthis is not a vector file\n");
    truncatedBinary = dir.resolve("truncated.bin").toString();
    Files.write(Path.of(truncatedBinary), binaryHeaderAnd("3 100\n", 40));
    hugeDimension = write("huge-count.txt", "2 3\nking 1 0 0\n");
    invalidUtf8 = dir.resolve("invalid-utf8.txt").toString();
    Files.write(Path.of(invalidUtf8), new byte[] {'a', ' ', (byte) 0xC3, (byte) 0x28, '\n',
        (byte) 0xFF, '\n'});
    badGzip = write("corpus-bad.txt.gz", "this is not gzip data at all\n");
    byte[] gz = gzip(text.toString().getBytes(StandardCharsets.UTF_8));
    truncatedGzip = dir.resolve("corpus-truncated.txt.gz").toString();
    Files.write(Path.of(truncatedGzip), Arrays.copyOf(gz, gz.length / 2));
    empty = write("empty.txt", "");
    notWav = write("not-a.wav", "RIFF....WAVEjunk");
    threeWords = write("three.txt", "woman man girl\n");
    notAModel = write("model.safetensors", "precious data that is not a model\n");
    inMissingDir = dir.resolve("no-such-dir").resolve("out.bin").toString();
    underAFile = Path.of(corpus).resolve("out.bin").toString();
  }

  private static String write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  private static byte[] binaryHeaderAnd(String header, int bodyBytes) {
    byte[] h = header.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + bodyBytes);
    for (int i = h.length; i < all.length; i++) {
      all[i] = (byte) ('a' + i % 3);
    }
    return all;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  /** One case: a name, the file the message must name (or null), and the command line. */
  private static Arguments bad(String name, String mustName, String... args) {
    return Arguments.of(name, mustName, args);
  }

  private static String[] w2v(String train, String output, String... extra) {
    return trainer("word2vec", train, output, extra);
  }

  private static String[] glove(String train, String output, String... extra) {
    return trainer("glove", train, output, extra);
  }

  /** A small training run's options, where {@code extra} replaces a default of the same name. */
  private static String[] trainer(String command, String train, String output,
      String... extra) {
    List<String> a = new ArrayList<>(List.of(command, "--train", train, "--output", output));
    List<String> given = List.of(extra);
    for (String[] option : new String[][] {{"--size", "8"}, {"--min-count", "1"}}) {
      if (!given.contains(option[0])) {
        a.addAll(List.of(option));
      }
    }
    a.addAll(given);
    return a.toArray(new String[0]);
  }

  private static String[] debias(String vectorFile, String pairFile, String output,
      String... extra) {
    List<String> a = new ArrayList<>(List.of("debias", vectorFile, "--pairs", pairFile,
        "--output", output));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static String[] spectrogram(String input, String... extra) {
    List<String> a = new ArrayList<>(List.of("spectrogram", input));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static String png() {
    return dir.resolve("out.png").toString();
  }

  static Stream<Arguments> cases() {
    String out = dir.resolve("out.bin").toString();
    String txtOut = dir.resolve("out.txt").toString();
    return Stream.of(
        // word2vec
        bad("word2vec missing corpus", missing, w2v(missing, out)),
        bad("word2vec corpus is a directory", directory, w2v(directory, out)),
        bad("word2vec bad gzip", badGzip, w2v(badGzip, out)),
        bad("word2vec truncated gzip", truncatedGzip, w2v(truncatedGzip, out)),
        bad("word2vec empty corpus", "empty.txt", w2v(empty, out)),
        bad("word2vec output in a missing directory", inMissingDir, w2v(corpus, inMissingDir)),
        bad("word2vec output is a directory", directory, w2v(corpus, directory)),
        bad("word2vec output under a file", underAFile, w2v(corpus, underAFile)),
        bad("word2vec --size 0", null, w2v(corpus, out, "--size", "0")),
        bad("word2vec --size abc", null, w2v(corpus, out, "--size", "abc")),
        bad("word2vec --size 99999999999", null, w2v(corpus, out, "--size", "99999999999")),
        bad("word2vec --window 0", null, w2v(corpus, out, "--window", "0")),
        bad("word2vec --negative -1", null, w2v(corpus, out, "--negative", "-1")),
        bad("word2vec --hs 2", null, w2v(corpus, out, "--hs", "2")),
        bad("word2vec --cbow 7", null, w2v(corpus, out, "--cbow", "7")),
        bad("word2vec --sample 1.5", null, w2v(corpus, out, "--sample", "1.5")),
        bad("word2vec --alpha 0", null, w2v(corpus, out, "--alpha", "0")),
        bad("word2vec --iter 0", null, w2v(corpus, out, "--iter", "0")),
        bad("word2vec --threads 0", null, w2v(corpus, out, "--threads", "0")),
        bad("word2vec --min-count 0", null, w2v(corpus, out, "--min-count", "0")),
        bad("word2vec --tokenizer", null, w2v(corpus, out, "--tokenizer", "bytes")),
        bad("word2vec --format", null, w2v(corpus, out, "--format", "parquet")),
        bad("word2vec --alpha-schedule", null, w2v(corpus, out, "--alpha-schedule", "OFTEN")),
        bad("word2vec no --train", null, "word2vec", "--output", out),
        bad("word2vec unknown option", null, w2v(corpus, out, "--turbo")),
        // glove
        bad("glove missing corpus", missing, glove(missing, txtOut)),
        bad("glove corpus is a directory", directory, glove(directory, txtOut)),
        bad("glove bad gzip", badGzip, glove(badGzip, txtOut)),
        bad("glove output in a missing directory", inMissingDir, glove(corpus, inMissingDir)),
        bad("glove output is a directory", directory, glove(corpus, directory)),
        bad("glove --size 0", null, glove(corpus, txtOut, "--size", "0")),
        bad("glove --iter 0", null, glove(corpus, txtOut, "--iter", "0")),
        bad("glove --eta 0", null, glove(corpus, txtOut, "--eta", "0")),
        bad("glove --memory 0", null, glove(corpus, txtOut, "--memory", "0")),
        bad("glove --temp-dir missing", missing, glove(corpus, txtOut, "--temp-dir", missing)),
        bad("glove --temp-dir is a file", corpus, glove(corpus, txtOut, "--temp-dir", corpus)),
        // analogies
        bad("analogies missing vectors", missing, "analogies", missing, questions),
        bad("analogies vectors is a directory", directory, "analogies", directory, questions),
        bad("analogies malformed vectors", "not-vectors.txt", "analogies", notVectors,
            questions),
        bad("analogies vectors shorter than the header", "huge-count.txt", "analogies",
            hugeDimension, questions),
        bad("analogies invalid UTF-8 vectors", "invalid-utf8.txt", "analogies", invalidUtf8,
            questions),
        bad("analogies truncated binary vectors", "truncated.bin", "analogies",
            truncatedBinary, questions),
        bad("analogies empty vectors", "empty.txt", "analogies", empty, questions),
        bad("analogies missing questions", missing, "analogies", vectors, missing),
        bad("analogies questions is a directory", directory, "analogies", vectors, directory),
        bad("analogies empty questions", empty, "analogies", vectors, empty),
        bad("analogies --restrict 0", null, "analogies", vectors, questions, "--restrict", "0"),
        bad("analogies --format", null, "analogies", vectors, questions, "--format", "xml"),
        bad("analogies missing parameter", null, "analogies", vectors),
        // similar
        bad("similar missing vectors", missing, "similar", missing, "king"),
        bad("similar vectors is a directory", directory, "similar", directory, "king"),
        bad("similar malformed vectors", "not-vectors.txt", "similar", notVectors, "king"),
        bad("similar invalid UTF-8 vectors", "invalid-utf8.txt", "similar", invalidUtf8,
            "king"),
        bad("similar truncated binary", "truncated.bin", "similar", truncatedBinary, "king"),
        bad("similar bad gzip vectors", "corpus-bad.txt.gz", "similar", badGzip, "king"),
        bad("similar unknown word", null, "similar", vectors, "atlantis"),
        bad("similar --top 0", null, "similar", vectors, "king", "--top", "0"),
        bad("similar no word", null, "similar", vectors),
        // debias
        bad("debias missing vectors", missing, debias(missing, pairs, txtOut)),
        bad("debias malformed vectors", "not-vectors.txt", debias(notVectors, pairs, txtOut)),
        bad("debias missing pairs", missing, debias(vectors, missing, txtOut)),
        bad("debias pairs is a directory", directory, debias(vectors, directory, txtOut)),
        bad("debias invalid UTF-8 pairs", "invalid-utf8.txt",
            debias(vectors, invalidUtf8, txtOut)),
        bad("debias three words in a pair", "three.txt", debias(vectors, threeWords, txtOut)),
        bad("debias missing --neutralize", missing,
            debias(vectors, pairs, txtOut, "--neutralize", missing)),
        bad("debias missing --equalize", missing,
            debias(vectors, pairs, txtOut, "--equalize", missing)),
        bad("debias output in a missing directory", inMissingDir,
            debias(vectors, pairs, inMissingDir)),
        bad("debias output is a directory", directory, debias(vectors, pairs, directory)),
        bad("debias --direction", null, debias(vectors, pairs, txtOut, "--direction", "max")),
        bad("debias empty pairs", null, debias(vectors, empty, txtOut)),
        // spectrogram
        bad("spectrogram missing WAV", missing, spectrogram(missing, "--png", png())),
        bad("spectrogram WAV is a directory", directory, spectrogram(directory, "--png", png())),
        bad("spectrogram not a WAV", "not-a.wav", spectrogram(notWav, "--png", png())),
        bad("spectrogram text file", "corpus.txt", spectrogram(corpus, "--png", png())),
        bad("spectrogram WAV of 0 frames", "none.wav", spectrogram(noFrames, "--png", png())),
        bad("spectrogram WAV of 1 frame", "one.wav", spectrogram(oneFrame, "--png", png())),
        bad("spectrogram --n-fft -3", null, spectrogram(wav, "--png", png(), "--n-fft", "-3")),
        bad("spectrogram --n-fft 0", null, spectrogram(wav, "--png", png(), "--n-fft", "0")),
        bad("spectrogram --hop 0", null, spectrogram(wav, "--png", png(), "--hop", "0")),
        bad("spectrogram --resample 0", null,
            spectrogram(wav, "--png", png(), "--resample", "0")),
        bad("spectrogram --win-length 0", null,
            spectrogram(wav, "--png", png(), "--win-length", "0")),
        bad("spectrogram --noverlap -1", null,
            spectrogram(wav, "--png", png(), "--noverlap", "-1")),
        bad("spectrogram --mode", null, spectrogram(wav, "--png", png(), "--mode", "cqt")),
        bad("spectrogram --window", null, spectrogram(wav, "--png", png(), "--window", "kaiser")),
        bad("spectrogram --channel 5", null, spectrogram(wav, "--png", png(), "--channel", "5")),
        bad("spectrogram --width 0", null, spectrogram(wav, "--png", png(), "--width", "0")),
        bad("spectrogram --mel-norm", null, spectrogram(wav, "--png", png(), "--mel-norm", "l2")),
        bad("spectrogram no output", null, spectrogram(wav)),
        bad("spectrogram --png in a missing directory", inMissingDir,
            spectrogram(wav, "--png", inMissingDir)),
        bad("spectrogram --png is a directory", directory, spectrogram(wav, "--png", directory)),
        bad("spectrogram --features extension", null,
            spectrogram(wav, "--features", dir.resolve("f.parquet").toString())),
        bad("spectrogram --features under a file", underAFile,
            spectrogram(wav, "--features", underAFile)),
        // charlm
        bad("charlm missing --text", missing, "charlm", "--text", missing),
        bad("charlm --text is a directory", directory, "charlm", "--text", directory),
        bad("charlm invalid UTF-8 --text", "invalid-utf8.txt", "charlm", "--text", invalidUtf8),
        bad("charlm empty --text", "empty.txt", "charlm", "--text", empty),
        bad("charlm --save in a missing directory", inMissingDir, "charlm", "--save",
            inMissingDir),
        bad("charlm --save is a directory", directory, "charlm", "--save", directory),
        bad("charlm --save over a file that is not a model", "model.safetensors", "charlm",
            "--save", notAModel),
        bad("charlm --cell", null, "charlm", "--cell", "transformer"),
        bad("charlm --epochs 0", null, "charlm", "--epochs", "0"),
        bad("charlm --lr 0", null, "charlm", "--lr", "0"),
        bad("charlm --hidden 0", null, "charlm", "--hidden", "0"),
        bad("charlm --held-out 1", null, "charlm", "--held-out", "1"),
        bad("charlm --top-p 0", null, "charlm", "--top-p", "0"),
        bad("charlm --batch x", null, "charlm", "--batch", "x"),
        // selfcheck and the top level
        bad("selfcheck --size 0", null, "selfcheck", "--size", "0"),
        bad("selfcheck --seconds 0", null, "selfcheck", "--seconds", "0"),
        bad("unknown command", null, "nosuchcommand"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneLineAndANonZeroExit(String name, String mustName, String[] args)
      throws IOException {
    byte[] before = Files.readAllBytes(Path.of(notAModel));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = SeqlearnCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    String text = err.toString();
    assertThat(code).as("exit code; stderr: %s", text).isEqualTo(Failures.BAD_INPUT);
    assertThat(text.lines()).as(text).hasSize(1);
    assertThat(text).endsWith(System.lineSeparator());
    assertThat(text).startsWith("seqlearn").doesNotContain("Exception", "\tat ", "at org.",
        "at java.", ".tmp-", "null");
    if (mustName != null) {
      assertThat(text).contains(mustName);
    }
    assertThat(Files.readAllBytes(Path.of(notAModel))).isEqualTo(before);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(f -> f.contains(".tmp"))
          .doesNotContain("out.bin", "out.txt", "out.png");
    }
  }
}
