package org.seqlearn.nlp.lm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.nlp.text.Vocabulary;

/**
 * Saves a {@link RecurrentLanguageModel} and its {@link Vocabulary} as one safetensors file
 * (written atomically): the state dict under PyTorch's key names, and in {@code __metadata__} the
 * configuration ({@code seqlearn.lm.cell}, {@code .embedding_size}, {@code .hidden_size}, {@code
 * .num_layers}) and the vocabulary ({@code seqlearn.lm.vocabulary}: one {@code count<TAB>token}
 * line per non-special id in id order, with {@code \\}, newline and tab escaped). The default
 * specials {@code <pad>, <unk>, <eos>} are assumed.
 */
public final class LanguageModelFile {

  private static final String PREFIX = "seqlearn.lm.";

  private LanguageModelFile() {}

  /** A model read back from a file, with its vocabulary. */
  public record Loaded(RecurrentLanguageModel model, Vocabulary vocabulary) {}

  /**
   * Writes {@code model} and {@code vocabulary} to {@code path} atomically.
   *
   * @throws IllegalArgumentException if the vocabulary size differs from the model's, or the
   *     vocabulary's specials are not the defaults
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
    if (!vocabulary.tokens().subList(0, vocabulary.specialCount())
        .equals(List.of(Vocabulary.PAD, Vocabulary.UNK, Vocabulary.EOS))) {
      throw new IllegalArgumentException("expected the default specials [<pad>, <unk>, <eos>], "
          + "got " + vocabulary.tokens().subList(0, vocabulary.specialCount()));
    }
    StringBuilder vocab = new StringBuilder();
    for (int id = vocabulary.specialCount(); id < vocabulary.size(); id++) {
      vocab.append(vocabulary.count(id)).append('\t').append(escape(vocabulary.token(id)))
          .append('\n');
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(PREFIX + "cell", c.cell().label());
    meta.put(PREFIX + "embedding_size", Integer.toString(c.embeddingSize()));
    meta.put(PREFIX + "hidden_size", Integer.toString(c.hiddenSize()));
    meta.put(PREFIX + "num_layers", Integer.toString(c.numLayers()));
    meta.put(PREFIX + "vocabulary", vocab.toString());
    meta.putAll(extra);
    Safetensors.write(path, model.stateDict(), meta);
  }

  /**
   * Reads a file written by {@link #save}.
   *
   * @throws SafetensorsFormatException if the file is not a valid safetensors file or lacks the
   *     language-model metadata (the message names the missing or bad entry)
   */
  public static Loaded load(Path path) throws IOException {
    SafetensorsContent st = Safetensors.read(path);
    Map<String, String> meta = st.metadata();
    var builder = Vocabulary.builder();
    String vocab = required(meta, "vocabulary", path);
    for (String line : vocab.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new SafetensorsFormatException(path + ": bad vocabulary line '" + line + "'");
      }
      builder.add(unescape(line.substring(tab + 1)), parseInt(line.substring(0, tab), path));
    }
    Vocabulary vocabulary = builder.build();
    LanguageModelConfig config;
    try {
      config = new LanguageModelConfig(vocabulary.size(),
          parseInt(required(meta, "embedding_size", path), path),
          parseInt(required(meta, "hidden_size", path), path),
          parseInt(required(meta, "num_layers", path), path),
          CellType.parse(required(meta, "cell", path)), 0);
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": " + e.getMessage(), e);
    }
    RecurrentLanguageModel model = new RecurrentLanguageModel(config);
    model.loadStateDict(st.floatTensors());
    model.eval();
    return new Loaded(model, vocabulary);
  }

  private static String required(Map<String, String> meta, String key, Path path) {
    String v = meta.get(PREFIX + key);
    if (v == null) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key
          + "' is missing; not a seqlearn language model file");
    }
    return v;
  }

  private static int parseInt(String s, Path path) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new SafetensorsFormatException(path + ": expected an integer, got '" + s + "'", e);
    }
  }

  static String escape(String token) {
    return token.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }

  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        b.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}
