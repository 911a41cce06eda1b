package org.seqlearn.audio.asr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.audio.ctc.CtcAlphabet;
import org.seqlearn.audio.ctc.CtcGreedyDecoder;
import org.seqlearn.audio.ctc.CtcHypothesis;
import org.seqlearn.audio.ctc.CtcPrefixBeamSearch;
import org.seqlearn.audio.ctc.FrameLogProbs;
import org.seqlearn.audio.wav.Audio;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;

/**
 * A trained {@link CtcSpeechModel} with its alphabet: features in, per-frame log-probabilities and
 * text out. Saved as safetensors with the sizes and alphabet in the metadata.
 */
public final class SpeechRecogniser {
  /** The recogniser's symbols: blank, space, a-z, apostrophe (29). */
  public static final CtcAlphabet ENGLISH = CtcAlphabet.blankFirst(" abcdefghijklmnopqrstuvwxyz'");

  private final CtcSpeechModel model;
  private final CtcAlphabet alphabet;
  private final String alphabetText;

  /** Wraps a model over {@code alphabetText} (blank first, then these characters). */
  public SpeechRecogniser(CtcSpeechModel model, String alphabetText) {
    this.model = model;
    this.alphabetText = alphabetText;
    this.alphabet = CtcAlphabet.blankFirst(alphabetText);
    if (model.sizes()[3] != alphabet.size()) {
      throw new IllegalArgumentException("expected a model with " + alphabet.size()
          + " output symbols, got " + model.sizes()[3]);
    }
  }

  public CtcSpeechModel model() {
    return model;
  }

  public CtcAlphabet alphabet() {
    return alphabet;
  }

  /** Per-frame log-probabilities of one utterance's features {@code [frames][features]}. */
  public FrameLogProbs logProbs(float[][] features) {
    model.eval();
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      SpeechBatch b = SpeechBatch.of(List.of(new Utterance(features, "", new int[0])));
      Tensor out = model.forward(b.features(), b.lengths());
      return FrameLogProbs.of(out.reshape(out.dim(1), out.dim(2)));
    }
  }

  /** Greedy transcript of a clip. */
  public String transcribeGreedy(Audio audio) {
    CtcHypothesis h = new CtcGreedyDecoder(alphabet.blank())
        .decode(logProbs(SpeechFeatures.of(audio)));
    return alphabet.text(h.tokens());
  }

  /** The n-best of a clip from a configured search. */
  public List<CtcHypothesis> transcribe(Audio audio, CtcPrefixBeamSearch search) {
    return search.decode(logProbs(SpeechFeatures.of(audio)));
  }

  /** Saves weights and metadata atomically. */
  public void save(Path file) throws IOException {
    int[] s = model.sizes();
    Map<String, String> meta = new HashMap<>();
    meta.put("seqlearn.model", "ctc-speech");
    meta.put("features", Integer.toString(s[0]));
    meta.put("conv_channels", Integer.toString(s[1]));
    meta.put("hidden", Integer.toString(s[2]));
    meta.put("alphabet", alphabetText);
    model.save(file, meta);
  }

  /** Loads a recogniser saved by {@link #save}. */
  public static SpeechRecogniser load(Path file) throws IOException {
    return load(Safetensors.read(file), file.toString());
  }

  /** Loads a recogniser from the bytes of a file saved by {@link #save} (e.g. a resource). */
  public static SpeechRecogniser load(byte[] bytes, String label) {
    return load(Safetensors.read(bytes, label), label);
  }

  private static SpeechRecogniser load(SafetensorsContent content, String file) {
    Map<String, String> meta = content.metadata();
    if (!"ctc-speech".equals(meta.get("seqlearn.model"))) {
      throw new IllegalArgumentException("expected a ctc-speech model in " + file + ", got "
          + meta.get("seqlearn.model"));
    }
    String alphabetText = meta.getOrDefault("alphabet", "");
    CtcSpeechModel model = new CtcSpeechModel(intOf(meta, "features", file),
        intOf(meta, "conv_channels", file), intOf(meta, "hidden", file),
        alphabetText.codePointCount(0, alphabetText.length()) + 1, 0);
    Map<String, Tensor> state = new HashMap<>();
    for (String name : content.names()) {
      state.put(name, content.tensor(name));
    }
    model.loadStateDict(state);
    return new SpeechRecogniser(model, alphabetText);
  }

  private static int intOf(Map<String, String> meta, String key, String file) {
    try {
      int v = Integer.parseInt(meta.get(key));
      if (v >= 1 && v <= 4096) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected metadata '" + key + "' in [1, 4096] in " + file
        + ", got " + meta.get(key));
  }
}
