package org.seqlearn.attention.dates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.seqlearn.attention.AttentionMemory;
import org.seqlearn.attention.seq2seq.AttentionDecoder;
import org.seqlearn.attention.seq2seq.AttentionDecoderState;
import org.seqlearn.attention.seq2seq.AttentionSeq2Seq;
import org.seqlearn.attention.seq2seq.AttentionStepDecoder;
import org.seqlearn.attention.seq2seq.DecoderInput;
import org.seqlearn.attention.seq2seq.DecoderOutput;
import org.seqlearn.core.GradMode;
import org.seqlearn.core.IntTensor;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.layers.decode.BeamSearch;
import org.seqlearn.layers.decode.BeamSearchOptions;
import org.seqlearn.layers.decode.Hypothesis;
import org.seqlearn.layers.recurrent.Lstm;
import org.seqlearn.layers.recurrent.RecurrentOptions;

/**
 * The course's date translator: human-readable dates (cut to Tx = 30 characters, one-hot) → a
 * Bi-LSTM encoder → additive attention → a post-attention LSTM → ISO {@code YYYY-MM-DD}. Two
 * forms ({@link DecoderInput}): the course's, whose decoder is fed only the context and emits
 * exactly Ty = 10 characters, and the autoregressive one, also fed the previous character, which
 * ends with an end token and is decoded by beam search.
 */
public final class DateTranslator {

  private static final String MODE_KEY = "decoder_input";
  private static final String SIZES_KEY = "sizes";

  private final DecoderInput mode;
  private final int encoderHidden;
  private final int decoderHidden;
  private final AttentionSeq2Seq model;

  /**
   * @param encoderHidden units per direction of the Bi-LSTM (the course: 32)
   * @param decoderHidden units of the post-attention LSTM (the course: 64)
   */
  public DateTranslator(DecoderInput mode, int encoderHidden, int decoderHidden, long seed) {
    this.mode = mode;
    this.encoderHidden = encoderHidden;
    this.decoderHidden = decoderHidden;
    int source = DateVocabulary.sourceSize();
    Lstm encoder = new Lstm(source, encoderHidden,
        RecurrentOptions.defaults().bidirectional(true).batchFirst(true).seed(seed));
    AttentionDecoder decoder = new AttentionDecoder(mode, 2 * encoderHidden, decoderHidden,
        DateVocabulary.targetSize(autoregressive(mode)), 16, seed + 100);
    model = new AttentionSeq2Seq(source, null, encoder, decoder);
  }

  /** The course's sizes: Bi-LSTM 32, post-attention LSTM 64. */
  public static DateTranslator course(DecoderInput mode, long seed) {
    return new DateTranslator(mode, 32, 64, seed);
  }

  private static boolean autoregressive(DecoderInput mode) {
    return mode == DecoderInput.PREVIOUS_TOKEN_AND_CONTEXT;
  }

  /** The decoder form. */
  public DecoderInput mode() {
    return mode;
  }

  /** The network (for optimizers and state dicts). */
  public AttentionSeq2Seq model() {
    return model;
  }

  /** Output steps the decoder runs when training: Ty, plus the end token when autoregressive. */
  public int trainingSteps() {
    return DateVocabulary.TARGET_STEPS + (autoregressive(mode) ? 1 : 0);
  }

  /**
   * A batch of sources.
   *
   * @param ids {@code [batch, Tx]} source ids
   * @param lengths {@code [batch]}
   */
  public record Sources(IntTensor ids, int[] lengths) {}

  /** Encodes human dates into source ids and lengths. */
  public static Sources sources(List<String> humans) {
    int tx = DateVocabulary.SOURCE_STEPS;
    int[] ids = new int[humans.size() * tx];
    int[] lengths = new int[humans.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = DateVocabulary.encodeSource(humans.get(i), ids, i * tx);
    }
    return new Sources(IntTensor.of(ids, humans.size(), tx), lengths);
  }

  /**
   * The training forward pass of a batch (teacher forcing when autoregressive).
   *
   * @return logits {@code [batch, steps, V]}, weights, and in {@code targets[0]} the target ids
   *     {@code [batch, steps]}
   */
  public DecoderOutput forward(List<DateExample> batch, IntTensor[] targets) {
    List<String> humans = new ArrayList<>(batch.size());
    for (DateExample e : batch) {
      humans.add(e.human());
    }
    Sources s = sources(humans);
    int steps = trainingSteps();
    int[] target = new int[batch.size() * steps];
    int[] previous = autoregressive(mode) ? new int[batch.size() * steps] : null;
    for (int b = 0; b < batch.size(); b++) {
      int[] y = DateVocabulary.encodeTarget(batch.get(b).iso());
      System.arraycopy(y, 0, target, b * steps, y.length);
      if (previous != null) {
        target[b * steps + steps - 1] = DateVocabulary.END;
        previous[b * steps] = DateVocabulary.START;
        System.arraycopy(y, 0, previous, b * steps + 1, y.length);
      }
    }
    targets[0] = IntTensor.of(target, batch.size(), steps);
    return model.forward(s.ids(), s.lengths(),
        previous == null ? null : IntTensor.of(previous, batch.size(), steps), steps);
  }

  /** The decoding start state of a batch of human dates (no graph). */
  public AttentionDecoderState start(Sources s) {
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      AttentionMemory memory = model.encode(s.ids(), s.lengths());
      return model.decoder().start(memory);
    }
  }

  /** The step decoder the searches run on. */
  public AttentionStepDecoder stepDecoder() {
    return new AttentionStepDecoder(model.decoder());
  }

  /**
   * Beam search options for this form: start and end tokens, at most Ty characters. The course's
   * form has no end token and always emits exactly Ty.
   */
  public BeamSearchOptions searchOptions(int beamWidth, int nBest) {
    BeamSearchOptions o = autoregressive(mode)
        ? BeamSearchOptions.defaults(DateVocabulary.START, DateVocabulary.END)
        : BeamSearchOptions.defaults(0, -1);
    return o.beamWidth(beamWidth).nBest(nBest).maxLength(DateVocabulary.TARGET_STEPS);
  }

  /**
   * Translates human dates with beam search (width 1 is greedy decoding).
   *
   * @return for each input, its n best ISO candidates, best first
   */
  public List<List<Hypothesis>> translate(List<String> humans, int beamWidth, int nBest) {
    model.eval();
    Sources s = sources(humans);
    return new BeamSearch(searchOptions(beamWidth, nBest)).search(stepDecoder(), start(s),
        s.lengths());
  }

  /** The best ISO date of each input. */
  public List<String> translate(List<String> humans, int beamWidth) {
    List<String> out = new ArrayList<>();
    for (List<Hypothesis> h : translate(humans, beamWidth, 1)) {
      out.add(h.isEmpty() ? "" : DateVocabulary.decodeTarget(h.get(0).tokens()));
    }
    return out;
  }

  /** Exact-match accuracy of whole dates, in [0, 1], decoding in batches. */
  public double accuracy(List<DateExample> examples, int beamWidth) {
    int correct = 0;
    for (int from = 0; from < examples.size(); from += 500) {
      List<DateExample> part = examples.subList(from, Math.min(examples.size(), from + 500));
      List<String> humans = new ArrayList<>();
      for (DateExample e : part) {
        humans.add(e.human());
      }
      List<String> got = translate(humans, beamWidth);
      for (int i = 0; i < part.size(); i++) {
        if (got.get(i).equals(part.get(i).iso())) {
          correct++;
        }
      }
    }
    return examples.isEmpty() ? 0 : (double) correct / examples.size();
  }

  /**
   * The attention weights α⟨t,t′⟩ with which the model produces {@code output} from {@code human}
   * (its own translation, fed back when autoregressive), for heat maps.
   *
   * @return {@code [output steps][source length]}: Ty rows, plus the end token's when
   *     autoregressive
   */
  public float[][] attention(String human, String output) {
    model.eval();
    try (GradMode.Scope ignored = GradMode.noGrad()) {
      DecoderOutput out = forward(List.of(new DateExample(human, output)), new IntTensor[1]);
      int steps = out.weights().dim(1);
      int tx = out.weights().dim(2);
      int length = sources(List.of(human)).lengths()[0];
      float[][] w = new float[steps][length];
      for (int t = 0; t < steps; t++) {
        System.arraycopy(out.weights().data(), t * tx, w[t], 0, length);
      }
      return w;
    }
  }

  /** Atomically saves the weights with the form and sizes in the metadata. */
  public void save(Path path) throws IOException {
    model.save(path, Map.of(MODE_KEY, mode.name(), SIZES_KEY, encoderHidden + ","
        + decoderHidden, "source_chars", DateVocabulary.SOURCE_CHARS));
  }

  /**
   * Loads a translator saved by {@link #save}.
   *
   * @throws IllegalArgumentException if the file is not a date translator of this vocabulary
   */
  public static DateTranslator load(Path path) throws IOException {
    return load(Safetensors.read(path));
  }

  /** Loads a translator from safetensors bytes (e.g. a class-path resource). */
  public static DateTranslator load(byte[] bytes, String label) {
    return load(Safetensors.read(bytes, label));
  }

  private static DateTranslator load(SafetensorsContent content) {
    String path = content.source();
    Map<String, String> meta = content.metadata();
    String m = meta.get(MODE_KEY);
    String sizes = meta.get(SIZES_KEY);
    if (m == null || sizes == null
        || !DateVocabulary.SOURCE_CHARS.equals(meta.get("source_chars"))) {
      throw new IllegalArgumentException(path + " is not a date translator of this version "
          + "(expected metadata " + MODE_KEY + ", " + SIZES_KEY + " and source_chars, got "
          + meta.keySet() + ")");
    }
    DecoderInput mode;
    int enc;
    int dec;
    try {
      mode = DecoderInput.valueOf(m);
      String[] parts = sizes.split(",");
      enc = Integer.parseInt(parts[0]);
      dec = Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(path + ": bad date translator metadata " + meta, e);
    }
    if (enc < 1 || enc > 4096 || dec < 1 || dec > 4096) {
      throw new IllegalArgumentException(path + ": sizes must be in [1, 4096], got " + sizes);
    }
    DateTranslator t = new DateTranslator(mode, enc, dec, 0L);
    t.model.loadStateDict(content.floatTensors());
    t.model.eval();
    return t;
  }
}
