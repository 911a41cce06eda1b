package org.seqlearn.audio.asr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqlearn.audio.Fixtures;
import org.seqlearn.audio.ctc.CtcBeamOptions;
import org.seqlearn.audio.ctc.CtcGreedyDecoder;
import org.seqlearn.audio.ctc.CtcHypothesis;
import org.seqlearn.audio.ctc.CtcPrefixBeamSearch;
import org.seqlearn.audio.ctc.FrameLogProbs;
import org.seqlearn.layers.train.EpochResult;

class SpeechRecogniserTest {
  private static final String CHARS = " abcdefghijklmnopqrstuvwxyz'";

  @Test
  void tinyModelLearnsTheFixtureClipsAndDecodes(@TempDir Path dir) throws IOException {
    List<Utterance> train =
        SpeechCorpus.load(Fixtures.path("ctc/speech/train.tsv"), SpeechRecogniser.ENGLISH);
    assertThat(train).hasSize(12);
    assertThat(train.get(0).features()[0]).hasSize(SpeechFeatures.MELS);
    CtcSpeechModel model = new CtcSpeechModel(SpeechFeatures.MELS, 24, 24, 29, 3);
    List<EpochResult> history = new SpeechTraining().epochs(30).batchSize(4).learningRate(1e-2)
        .seed(5).fit(model, train);
    double first = history.get(0).metric("loss");
    double last = history.get(history.size() - 1).metric("loss");
    assertThat(last).isLessThan(0.6 * first);

    SpeechRecogniser rec = new SpeechRecogniser(model, CHARS);
    Utterance u = train.get(0);
    FrameLogProbs lp = rec.logProbs(u.features());
    assertThat(lp.frames()).isEqualTo(CtcSpeechModel.outputFrames(u.features().length));
    assertThat(lp.symbols()).isEqualTo(29);
    CtcHypothesis greedy = new CtcGreedyDecoder(0).decode(lp);
    CtcHypothesis beam = new CtcPrefixBeamSearch(CtcBeamOptions.defaults()).decode(lp).get(0);
    assertThat(beam.logProb()).isGreaterThanOrEqualTo(greedy.logProb() - 1e-6);
    ErrorRates trained = new ErrorRates();
    for (Utterance t : train) {
      trained.add(t.text(), rec.alphabet().text(
          new CtcGreedyDecoder(0).decode(rec.logProbs(t.features())).tokens()));
    }
    assertThat(trained.cer()).isLessThan(1.0);

    Path file = dir.resolve("model.safetensors");
    rec.save(file);
    SpeechRecogniser back = SpeechRecogniser.load(file);
    FrameLogProbs again = back.logProbs(u.features());
    for (int t = 0; t < lp.frames(); t++) {
      for (int s = 0; s < lp.symbols(); s++) {
        assertThat(again.get(t, s)).isEqualTo(lp.get(t, s));
      }
    }
  }

  @Test
  void badManifestLinesNameTheLine(@TempDir Path dir) throws IOException {
    Path m = dir.resolve("m.tsv");
    Files.writeString(m, "a.wav\tone\nb.wav\n");
    assertThatThrownBy(() -> SpeechCorpus.load(m, SpeechRecogniser.ENGLISH))
        .hasMessageContaining("line 1: cannot read a.wav");
    Files.writeString(m, "x.wav\n");
    assertThatThrownBy(() -> SpeechCorpus.load(m, SpeechRecogniser.ENGLISH))
        .hasMessageContaining("line 1: expected '<wav path>\\t<transcript>', got 1 field(s)");
    Files.writeString(m, "x.wav\tOne\n");
    assertThatThrownBy(() -> SpeechCorpus.load(m, SpeechRecogniser.ENGLISH))
        .hasMessageContaining("line 1: expected characters of the alphabet");
  }
}
