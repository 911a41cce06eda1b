package org.seqlearn.nlp.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqlearn.core.Tensor;

/**
 * A token ↔ id mapping: the special tokens first (by default {@value #PAD} = 0, {@value #UNK} =
 * 1, {@value #EOS} = 2), then the corpus tokens by descending count, ties broken by the token's
 * code-point order, so the same corpus always gives the same ids. Build one with {@link
 * #builder()}; save and load it as a plain UTF-8 text file ({@link VocabularyFile}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Vocabulary {

  /** Padding token, id 0 by default so that zero-filled batches are padding. */
  public static final String PAD = "<pad>";
  /** Unknown-token token: what out-of-vocabulary tokens map to. */
  public static final String UNK = "<unk>";
  /** End-of-sequence token. */
  public static final String EOS = "<eos>";

  private final List<String> tokens;
  private final long[] counts;
  private final int specials;
  private final Map<String, Integer> ids;
  private final int unkId;

  Vocabulary(List<String> tokens, long[] counts, int specials, String unk) {
    this.tokens = List.copyOf(tokens);
    this.counts = counts.clone();
    this.specials = specials;
    this.ids = new HashMap<>(tokens.size() * 2);
    for (int i = 0; i < tokens.size(); i++) {
      if (ids.putIfAbsent(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "' at id " + i);
      }
    }
    Integer u = unk == null ? null : ids.get(unk);
    if (unk != null && (u == null || u >= specials)) {
      throw new IllegalArgumentException("unknown-token '" + unk
          + "' must be one of the special tokens " + tokens.subList(0, specials));
    }
    this.unkId = u == null ? -1 : u;
  }

  /**
   * A vocabulary with exactly these ids, for example one read back from a file: {@code tokens}
   * in id order, the first {@code specialCount} of them special.
   *
   * @param counts {@code [tokens.size()]} corpus counts, each {@code >= 0}
   * @param unknownToken the special token unknown tokens map to, or null for none
   * @throws IllegalArgumentException on a duplicate token, a size mismatch, a negative count or
   *     an unknown-token that is not special
   */
  public static Vocabulary of(List<String> tokens, long[] counts, int specialCount,
      String unknownToken) {
    if (counts.length != tokens.size()) {
      throw new IllegalArgumentException("expected " + tokens.size() + " counts, got "
          + counts.length);
    }
    if (specialCount < 0 || specialCount > tokens.size()) {
      throw new IllegalArgumentException("expected specialCount in [0, " + tokens.size()
          + "], got " + specialCount);
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("expected counts >= 0, got " + counts[i]
            + " for id " + i);
      }
    }
    return new Vocabulary(tokens, counts, specialCount, unknownToken);
  }

  /** A builder with the default specials {@code <pad>, <unk>, <eos>}, no minimum count or cap. */
  public static VocabularyBuilder builder() {
    return new VocabularyBuilder();
  }

  /** Reads a vocabulary written by {@link #save(Path)}. */
  public static Vocabulary load(Path file) throws IOException {
    return VocabularyFile.read(file);
  }

  /** Writes this vocabulary atomically as UTF-8 text; see {@link VocabularyFile}. */
  public void save(Path file) throws IOException {
    VocabularyFile.write(this, file);
  }

  /** The number of ids {@code V} (specials included). */
  public int size() {
    return tokens.size();
  }

  /** The number of special tokens (ids {@code 0 .. specialCount() - 1}). */
  public int specialCount() {
    return specials;
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IllegalArgumentException("expected an id in [0, " + tokens.size() + "), got " + id);
    }
    return tokens.get(id);
  }

  /** All tokens in id order (unmodifiable). */
  public List<String> tokens() {
    return tokens;
  }

  /** Whether {@code token} has its own id. */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The corpus count of the token with id {@code id} (0 for specials). */
  public long count(int id) {
    token(id);
    return counts[id];
  }

  /** The unknown-token id, or -1 when this vocabulary has none. */
  public int unkId() {
    return unkId;
  }

  /**
   * The id of {@code token}; an unknown token maps to the unknown-token id.
   *
   * @throws IllegalArgumentException if the token is unknown and there is no unknown-token
   */
  public int id(String token) {
    Integer i = ids.get(token);
    if (i != null) {
      return i;
    }
    if (unkId < 0) {
      throw new IllegalArgumentException("token '" + token + "' not in vocabulary of " + size()
          + " and no unknown-token is defined");
    }
    return unkId;
  }

  /** The id of a special or corpus token, for example {@code specialId(Vocabulary.PAD)}. */
  public int specialId(String special) {
    Integer i = ids.get(special);
    if (i == null || i >= specials) {
      throw new IllegalArgumentException("expected one of the special tokens "
          + tokens.subList(0, specials) + ", got '" + special + "'");
    }
    return i;
  }

  /** Ids of a token sequence, {@code [n]}. */
  public int[] encode(List<String> sequence) {
    int[] result = new int[sequence.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = id(sequence.get(i));
    }
    return result;
  }

  /** Tokens of an id sequence. */
  public List<String> decode(int[] sequence) {
    List<String> result = new ArrayList<>(sequence.length);
    for (int id : sequence) {
      result.add(token(id));
    }
    return Collections.unmodifiableList(result);
  }

  /** The one-hot vector {@code o} of {@code id}, {@code [V]}. */
  public float[] oneHot(int id) {
    token(id);
    float[] o = new float[size()];
    o[id] = 1f;
    return o;
  }

  /** One-hot rows for a sequence of ids: a tensor {@code [n, V]}. */
  public Tensor oneHot(int[] sequence) {
    float[] data = new float[sequence.length * size()];
    for (int t = 0; t < sequence.length; t++) {
      token(sequence[t]);
      data[t * size() + sequence[t]] = 1f;
    }
    return Tensor.wrap(data, sequence.length, size());
  }

  @Override
  public String toString() {
    return "Vocabulary[" + size() + " tokens, " + specials + " special]";
  }

  long[] countsArray() {
    return counts;
  }

  String unkToken() {
    return unkId < 0 ? null : tokens.get(unkId);
  }
}
