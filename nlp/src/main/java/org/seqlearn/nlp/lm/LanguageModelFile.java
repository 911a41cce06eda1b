package org.seqlearn.nlp.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.Tensor;
import org.seqlearn.core.io.NonFinitePolicy;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.nlp.text.TokenText;
import org.seqlearn.nlp.text.Vocabulary;

/**
 * Saves a {@link RecurrentLanguageModel} and its {@link Vocabulary} as one safetensors file
 * (written atomically): the state dict under PyTorch's key names, and in {@code __metadata__} the
 * configuration ({@code seqlearn.lm.cell}, {@code .embedding_size}, {@code .hidden_size}, {@code
 * .num_layers}) and the vocabulary ({@code seqlearn.lm.vocabulary}: one {@code count<TAB>token}
 * line per non-special id in id order, tokens escaped as {@link TokenText} says; {@code
 * seqlearn.lm.special_counts}, when a special has a nonzero count: their counts separated by
 * spaces). The default specials {@code <pad>, <unk>, <eos>} are assumed.
 *
 * <p>What {@link #save} writes, {@link #load} reads back identically: the ids, tokens and counts
 * (any count in {@code [0, 2^63)}), the configuration and the weights. Loading checks the
 * metadata against the stored tensors' shapes before the model is built, so a file claiming
 * huge sizes fails with a {@link SafetensorsFormatException} instead of exhausting the heap.
 */
public final class LanguageModelFile {

  private static final String PREFIX = "seqlearn.lm.";
  private static final List<String> SPECIALS =
      List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.EOS);

  private LanguageModelFile() {}

  /** A model read back from a file, with its vocabulary. */
  public record Loaded(RecurrentLanguageModel model, Vocabulary vocabulary) {}

  /**
   * Writes {@code model} and {@code vocabulary} to {@code path} atomically.
   *
   * @throws IllegalArgumentException if the vocabulary size differs from the model's, the
   *     vocabulary's specials are not the defaults, or a token breaks {@link TokenText}'s rule
   */
  public static void save(Path path, RecurrentLanguageModel model, Vocabulary vocabulary)
      throws IOException {
    save(path, model, vocabulary, Map.of());
  }

  /**
   * Like {@link #save(Path, RecurrentLanguageModel, Vocabulary)}, with {@code extra} entries
   * (e.g. a score) in the file's metadata; they must not use the {@code seqlearn.lm.} prefix.
   */
  public static void save(Path path, RecurrentLanguageModel model, Vocabulary vocabulary,
      Map<String, String> extra) throws IOException {
    for (String key : extra.keySet()) {
      if (key.startsWith(PREFIX)) {
        throw new IllegalArgumentException("extra metadata key '" + key + "' uses the reserved "
            + "prefix " + PREFIX);
      }
    }
    LanguageModelConfig c = model.config();
    if (vocabulary.size() != c.vocabularySize()) {
      throw new IllegalArgumentException("vocabulary has " + vocabulary.size()
          + " ids but the model expects " + c.vocabularySize());
    }
    if (!vocabulary.tokens().subList(0, vocabulary.specialCount()).equals(SPECIALS)
        || vocabulary.unkId() != 1) {
      throw new IllegalArgumentException("expected the default specials [<pad>, <unk>, <eos>] "
          + "with <unk> as the unknown-token, got "
          + vocabulary.tokens().subList(0, vocabulary.specialCount()));
    }
    StringBuilder vocab = new StringBuilder();
    for (int id = vocabulary.specialCount(); id < vocabulary.size(); id++) {
      TokenText.requireSavable(vocabulary.token(id), id);
      vocab.append(vocabulary.count(id)).append('\t')
          .append(TokenText.escape(vocabulary.token(id))).append('\n');
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(PREFIX + "cell", c.cell().label());
    meta.put(PREFIX + "embedding_size", Integer.toString(c.embeddingSize()));
    meta.put(PREFIX + "hidden_size", Integer.toString(c.hiddenSize()));
    meta.put(PREFIX + "num_layers", Integer.toString(c.numLayers()));
    meta.put(PREFIX + "vocabulary", vocab.toString());
    meta.putAll(extra);
    if (vocabulary.count(0) != 0 || vocabulary.count(1) != 0 || vocabulary.count(2) != 0) {
      meta.put(PREFIX + "special_counts", vocabulary.count(0) + " " + vocabulary.count(1) + " "
          + vocabulary.count(2));
    }
    Safetensors.write(path, model.stateDict(), meta);
  }

  /** {@link #load(Path, NonFinitePolicy)} rejecting NaN or infinite weights. */
  public static Loaded load(Path path) throws IOException {
    return load(path, NonFinitePolicy.REJECT);
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @param nonFinite what to do with NaN or infinite weights (by default they are rejected)
   * @throws SafetensorsFormatException if the file is not a valid safetensors file, lacks the
   *     language-model metadata, its metadata does not match its tensors, or (with {@link
   *     NonFinitePolicy#REJECT}) a weight is NaN or infinite; the message names the file and the
   *     bad entry
   */
  public static Loaded load(Path path, NonFinitePolicy nonFinite) throws IOException {
    SafetensorsContent st = Safetensors.read(path);
    Map<String, String> meta = st.metadata();
    Vocabulary vocabulary = vocabulary(meta, path);
    LanguageModelConfig config;
    try {
      config = new LanguageModelConfig(vocabulary.size(),
          parseInt(required(meta, "embedding_size", path), "embedding_size", path),
          parseInt(required(meta, "hidden_size", path), "hidden_size", path),
          parseInt(required(meta, "num_layers", path), "num_layers", path),
          CellType.parse(required(meta, "cell", path)), 0);
    } catch (SafetensorsFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": " + e.getMessage(), e);
    }
    LanguageModelShapes.check(config, st, path.toString());
    // the shapes match the file's tensors, so the model is no larger than the file
    RecurrentLanguageModel model = new RecurrentLanguageModel(config);
    model.loadStateDict(finiteWeights(st, nonFinite, path));
    model.eval();
    return new Loaded(model, vocabulary);
  }

  /** The file's tensors as float32, checked for NaN and infinities as {@code nonFinite} says. */
  private static Map<String, Tensor> finiteWeights(SafetensorsContent st,
      NonFinitePolicy nonFinite, Path path) {
    Map<String, Tensor> weights = st.floatTensors();
    long count = 0;
    for (Map.Entry<String, Tensor> w : weights.entrySet()) {
      count += nonFinite.checkWeights(path.toString(), w.getKey(), w.getValue().data());
    }
    nonFinite.warnIfAny(count, path.toString());
    return weights;
  }

  /** The vocabulary of the metadata, in the stored id order. */
  private static Vocabulary vocabulary(Map<String, String> meta, Path path) {
    List<String> tokens = new ArrayList<>(SPECIALS);
    List<Long> counts = new ArrayList<>(List.of(0L, 0L, 0L));
    String special = meta.get(PREFIX + "special_counts");
    if (special != null) {
      String[] parts = special.trim().split(" ", -1);
      if (parts.length != 3) {
        throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + "special_counts' "
            + "must hold 3 counts, found '" + preview(special) + "'");
      }
      for (int i = 0; i < 3; i++) {
        counts.set(i, parseCount(parts[i], "metadata '" + PREFIX + "special_counts'", path));
      }
    }
    String vocab = required(meta, "vocabulary", path);
    int lineNo = 0;
    for (int start = 0; start < vocab.length(); ) {
      int end = vocab.indexOf('\n', start);
      end = end < 0 ? vocab.length() : end;
      String line = vocab.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      String token = tab < 0 ? null : TokenText.unescape(line.substring(tab + 1));
      if (token == null) {
        throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + "vocabulary' line "
            + lineNo + ": expected 'count<TAB>token' (token escaped with \\\\, \\n, \\r, \\t), "
            + "found '" + preview(line) + "'");
      }
      tokens.add(token);
      counts.add(parseCount(line.substring(0, tab), "metadata '" + PREFIX + "vocabulary' line "
          + lineNo, path));
    }
    try {
      return Vocabulary.of(tokens, counts.stream().mapToLong(Long::longValue).toArray(),
          SPECIALS.size(), Vocabulary.UNK);
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + "vocabulary': "
          + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> meta, String key, Path path) {
    String v = meta.get(PREFIX + key);
    if (v == null) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key
          + "' is missing; not a seqlearn language model file");
    }
    return v;
  }

  private static int parseInt(String s, String key, Path path) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key
          + "': expected an integer in [1, " + Integer.MAX_VALUE + "], found '" + preview(s)
          + "'", e);
    }
  }

  private static long parseCount(String s, String where, Path path) {
    long count = -1;
    try {
      count = Long.parseLong(s);
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 0) {
      throw new SafetensorsFormatException(path + ": " + where + ": expected a count in [0, "
          + Long.MAX_VALUE + "], found '" + preview(s) + "'");
    }
    return count;
  }

  private static String preview(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
