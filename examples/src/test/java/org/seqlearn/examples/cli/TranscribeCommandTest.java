package org.seqlearn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.asr.CtcSpeechModel;
import org.seqlearn.audio.asr.SpeechFeatures;
import org.seqlearn.audio.asr.SpeechRecogniser;
import org.seqlearn.audio.ctc.lm.ArpaWriter;
import org.seqlearn.audio.ctc.lm.CharTokens;
import org.seqlearn.audio.ctc.lm.Smoothing;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.audio.wav.WavEncoding;
import org.seqlearn.audio.wav.WavWriter;
import picocli.CommandLine;

class TranscribeCommandTest {
  @TempDir Path dir;
  StringWriter out = new StringWriter();
  StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = new CommandLine(new TranscribeCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void transcriptIsTheLastLineWithNBestAndTimestamps() throws Exception {
    Path model = dir.resolve("m.safetensors");
    new SpeechRecogniser(new CtcSpeechModel(SpeechFeatures.MELS, 8, 8, 29, 1),
        " abcdefghijklmnopqrstuvwxyz'").save(model);
    Path text = dir.resolve("t.txt");
    Files.write(text, List.of("call one", "stop", "two three"));
    ArpaWriter.write(CharTokens.train(text, 3, Smoothing.WITTEN_BELL, 0), Path.of(model + ".arpa"));
    float[] x = new float[8000];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.3 * Math.sin(i * 0.05) * Math.sin(i * 0.0007));
    }
    Path wav = dir.resolve("a.wav");
    WavWriter.write(wav, Audio.mono(16000, x), WavEncoding.PCM_16);
    assertThat(run(wav.toString(), "--model", model.toString(), "--nbest", "3", "--timestamps"))
        .as(err.toString()).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines[lines.length - 1]).matches("[a-z' ]*");
    assertThat(out.toString()).contains("# times (s):").contains("# 1. score");
    assertThat(err.toString()).isEmpty();
  }

  /**
   * The shipped model (tools/train_ctc_model.sh) on two clips of held-out voices synthesised by
   * tools/gen_ctc_speech.py (copies of audio's fixtures ctc/speech/test/00000.wav and 00001.wav).
   */
  @Test
  void shippedModelTranscribesHeldOutVoices() throws Exception {
    for (String[] c : new String[][] {{"en-us-nyc_two_five_five_seven.wav", "two five five seven"},
        {"en-gb-x-gbcwmd_call_one.wav", "call one"}}) {
      Path wav = dir.resolve(c[0]);
      try (var in = getClass().getResourceAsStream("/org/seqlearn/examples/transcribe/" + c[0])) {
        Files.copy(in, wav);
      }
      out.getBuffer().setLength(0);
      assertThat(run(wav.toString())).as(err.toString()).isZero();
      String[] lines = out.toString().split("\n");
      assertThat(lines[lines.length - 1]).isEqualTo(c[1]);
    }
  }

  @Test
  void trainWritesModelLmAndWordsAndReportsErrorRates() throws Exception {
    Path data = dir.resolve("corpus");
    Files.createDirectories(data);
    String[] texts = {"call one", "stop", "two", "go red"};
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      float[] x = new float[6000 + 1000 * i];
      for (int k = 0; k < x.length; k++) {
        x[k] = (float) (0.2 * Math.sin(k * (0.03 + 0.01 * i)));
      }
      WavWriter.write(data.resolve(i + ".wav"), Audio.mono(16000, x), WavEncoding.PCM_16);
      rows.add(i + ".wav\t" + texts[i]);
    }
    Files.write(data.resolve("train.tsv"), rows);
    Files.write(data.resolve("test.tsv"), rows.subList(0, 2));
    Path model = dir.resolve("m.safetensors");
    CommandLine cl = new CommandLine(new TranscribeCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("train", "--data", data.toString(), "-o", model.toString(), "--epochs",
        "1", "--conv", "4", "--hidden", "4", "--lm-order", "3")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("epoch 1 loss").contains("beam+lm+lexicon  CER");
    assertThat(Files.readAllLines(Path.of(model + ".words")))
        .containsExactly("call", "go", "one", "red", "stop", "two");
    assertThat(Files.readString(Path.of(model + ".arpa"))).startsWith("\\data\\\nngram 1=");
    out.getBuffer().setLength(0);
    assertThat(cl.execute("train", "--data", data.toString(), "--evaluate", model.toString()))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("test set (held-out voices), 2 utterances")
        .doesNotContain("epoch");
    assertThat(cl.execute("train", "--data", data.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("transcribe train: expected --out MODEL");
  }

  @Test
  void badInputIsOneLineAndNonZero() throws Exception {
    assertThat(run(dir.resolve("missing.wav").toString(), "--model",
        dir.resolve("missing.safetensors").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("transcribe: no such file:").doesNotContain("\n");
    err.getBuffer().setLength(0);
    Path junk = dir.resolve("junk.safetensors");
    Files.write(junk, "not a model".getBytes(StandardCharsets.UTF_8));
    Path wav = dir.resolve("b.wav");
    WavWriter.write(wav, Audio.mono(16000, new float[4000]), WavEncoding.PCM_16);
    assertThat(run(wav.toString(), "--model", junk.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("transcribe: ").doesNotContain("\n");
  }
}
