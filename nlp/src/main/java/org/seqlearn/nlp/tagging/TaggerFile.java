package org.seqlearn.nlp.tagging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.io.Safetensors;
import org.seqlearn.core.io.SafetensorsContent;
import org.seqlearn.core.io.SafetensorsFormatException;
import org.seqlearn.nlp.text.TokenText;
import org.seqlearn.nlp.text.Vocabulary;

/**
 * Saves a trained {@link BiLstmTagger} with its {@link TaggerEncoder} as one safetensors file,
 * written atomically by {@link BiLstmTagger#save(Path, Map)}: the state dict, and in {@code
 * __metadata__} the options ({@code seqlearn.tagger.options}: {@code name=value} pairs separated
 * by spaces), the word and character vocabularies ({@code seqlearn.tagger.words}, {@code
 * .chars}: one {@code count<TAB>token} line per non-special id in id order, tokens escaped as
 * {@link TokenText} says; the specials are {@code <pad>, <unk>}), the tags ({@code .tags}: one
 * per line, in id order) and {@code .max_word_chars}.
 *
 * <p>Loading checks every size of the options against the vocabularies and against the stored
 * tensors' shapes (embeddings, character CNN, every BiLSTM layer, emission) before the tagger is
 * built, so a file claiming huge sizes fails with a {@link SafetensorsFormatException} instead of
 * exhausting the heap.
 */
public final class TaggerFile {

  private static final String PREFIX = "seqlearn.tagger.";
  private static final List<String> SPECIALS = List.of(Vocabulary.PAD, Vocabulary.UNK);

  private TaggerFile() {}

  /** A tagger read back from a file (in eval mode), with its encoder. */
  public record Loaded(BiLstmTagger tagger, TaggerEncoder encoder) {}

  /**
   * Writes {@code tagger} and {@code encoder} to {@code path} atomically.
   *
   * @throws IllegalArgumentException if the encoder's sizes differ from the tagger's, or a token
   *     breaks {@link TokenText}'s rule
   */
  public static void save(Path path, BiLstmTagger tagger, TaggerEncoder encoder)
      throws IOException {
    TaggerOptions o = tagger.options();
    if (encoder.words().size() != o.words() || encoder.chars().size() != o.chars()
        || encoder.tags().size() != o.tags()) {
      throw new IllegalArgumentException("tagger file: the encoder has " + encoder.words().size()
          + " words, " + encoder.chars().size() + " chars, " + encoder.tags().size()
          + " tags; the tagger expects " + o.words() + ", " + o.chars() + ", " + o.tags());
    }
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put(PREFIX + "options", "words=" + o.words() + " chars=" + o.chars() + " tags="
        + o.tags() + " wordDim=" + o.wordDim() + " charDim=" + o.charDim() + " charFilters="
        + o.charFilters() + " charKernel=" + o.charKernel() + " hidden=" + o.hidden()
        + " layers=" + o.layers() + " dropout=" + o.dropout() + " crf=" + o.crf() + " seed="
        + o.seed());
    meta.put(PREFIX + "words", vocabularyText(encoder.words()));
    meta.put(PREFIX + "chars", vocabularyText(encoder.chars()));
    for (String tag : encoder.tags()) {
      if (tag.isEmpty() || tag.contains("\n") || tag.contains("\r")) {
        throw new IllegalArgumentException("tagger file: cannot save tag '" + tag + "'");
      }
    }
    meta.put(PREFIX + "tags", String.join("\n", encoder.tags()));
    meta.put(PREFIX + "max_word_chars", Integer.toString(encoder.maxWordChars()));
    tagger.save(path, meta);
  }

  private static String vocabularyText(Vocabulary v) {
    if (!v.tokens().subList(0, v.specialCount()).equals(SPECIALS) || v.unkId() != 1) {
      throw new IllegalArgumentException("tagger file: expected the specials " + SPECIALS
          + ", got " + v.tokens().subList(0, v.specialCount()));
    }
    StringBuilder out = new StringBuilder();
    for (int id = v.specialCount(); id < v.size(); id++) {
      TokenText.requireSavable(v.token(id), id);
      out.append(v.count(id)).append('\t').append(TokenText.escape(v.token(id))).append('\n');
    }
    return out.toString();
  }

  /**
   * Reads a file written by {@link #save}; NaN or infinite weights are refused.
   *
   * @throws SafetensorsFormatException if the file is not a valid safetensors file, lacks the
   *     tagger metadata, or its metadata does not match its tensors; the message names the file
   *     and the bad entry
   */
  public static Loaded load(Path path) throws IOException {
    SafetensorsContent st = Safetensors.read(path);
    Map<String, String> meta = st.metadata();
    Vocabulary words = vocabulary(meta, "words", path);
    Vocabulary chars = vocabulary(meta, "chars", path);
    List<String> tags = List.of(required(meta, "tags", path).split("\n", -1));
    TaggerOptions options;
    TaggerEncoder encoder;
    try {
      options = options(required(meta, "options", path));
      encoder = new TaggerEncoder(words, chars, tags,
          Integer.parseInt(required(meta, "max_word_chars", path).trim()));
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": " + e.getMessage(), e);
    }
    checkShapes(options, encoder, st, path);
    // every size now matches a stored tensor, so the tagger is no larger than the file
    BiLstmTagger tagger = new BiLstmTagger(options);
    try {
      tagger.load(path);
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": " + e.getMessage(), e);
    }
    tagger.eval();
    return new Loaded(tagger, encoder);
  }

  private static void checkShapes(TaggerOptions o, TaggerEncoder encoder,
      SafetensorsContent st, Path path) {
    if (o.words() != encoder.words().size() || o.chars() != encoder.chars().size()
        || o.tags() != encoder.tags().size()) {
      throw new SafetensorsFormatException(path + ": options say " + o.words() + " words, "
          + o.chars() + " chars, " + o.tags() + " tags; the metadata lists "
          + encoder.words().size() + ", " + encoder.chars().size() + ", "
          + encoder.tags().size());
    }
    long h = o.hidden();
    shape(st, path, "word_embedding.weight", o.words(), o.wordDim());
    if (o.charFilters() > 0) {
      shape(st, path, "char_embedding.weight", o.chars(), o.charDim());
      shape(st, path, "char_cnn.weight", o.charFilters(), o.charDim(), o.charKernel());
    }
    for (int l = 0; l < o.layers(); l++) {
      long in = l == 0 ? (long) o.wordDim() + o.charFilters() : 2 * h;
      for (String dir : new String[] {"", "_reverse"}) {
        shape(st, path, "encoder.weight_ih_l" + l + dir, 4 * h, in);
        shape(st, path, "encoder.weight_hh_l" + l + dir, 4 * h, h);
      }
    }
    shape(st, path, "emission.weight", o.tags(), 2 * h);
  }

  private static void shape(SafetensorsContent st, Path path, String name, long... expected) {
    if (!st.contains(name)) {
      throw new SafetensorsFormatException(path + ": tensor '" + name + "' is missing");
    }
    long[] got = Arrays.stream(st.shape(name)).asLongStream().toArray();
    if (!Arrays.equals(got, expected)) {
      throw new SafetensorsFormatException(path + ": tensor '" + name + "' has shape "
          + Arrays.toString(got) + ", the metadata needs " + Arrays.toString(expected));
    }
  }

  private static TaggerOptions options(String text) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String pair : text.trim().split(" +")) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("metadata '" + PREFIX + "options': expected "
            + "name=value, found '" + preview(pair) + "'");
      }
      v.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new TaggerOptions(integer(v, "words"), integer(v, "chars"), integer(v, "tags"),
        integer(v, "wordDim"), integer(v, "charDim"), integer(v, "charFilters"),
        integer(v, "charKernel"), integer(v, "hidden"), integer(v, "layers"),
        Float.parseFloat(option(v, "dropout")), Boolean.parseBoolean(option(v, "crf")),
        Long.parseLong(option(v, "seed")));
  }

  private static int integer(Map<String, String> v, String name) {
    return Integer.parseInt(option(v, name));
  }

  private static String option(Map<String, String> v, String name) {
    String s = v.get(name);
    if (s == null) {
      throw new IllegalArgumentException("metadata '" + PREFIX + "options' lacks " + name);
    }
    return s;
  }

  private static Vocabulary vocabulary(Map<String, String> meta, String key, Path path) {
    List<String> tokens = new ArrayList<>(SPECIALS);
    List<Long> counts = new ArrayList<>(List.of(0L, 0L));
    String text = required(meta, key, path);
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      String token = tab < 0 ? null : TokenText.unescape(line.substring(tab + 1));
      long count = -1;
      try {
        count = tab < 0 ? -1 : Long.parseLong(line.substring(0, tab));
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (token == null || count < 0) {
        throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key + "' line "
            + lineNo + ": expected 'count<TAB>token', found '" + preview(line) + "'");
      }
      tokens.add(token);
      counts.add(count);
    }
    try {
      return Vocabulary.of(tokens, counts.stream().mapToLong(Long::longValue).toArray(),
          SPECIALS.size(), Vocabulary.UNK);
    } catch (IllegalArgumentException e) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key + "': "
          + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> meta, String key, Path path) {
    String v = meta.get(PREFIX + key);
    if (v == null) {
      throw new SafetensorsFormatException(path + ": metadata '" + PREFIX + key
          + "' is missing; not a seqlearn tagger file");
    }
    return v;
  }

  private static String preview(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
