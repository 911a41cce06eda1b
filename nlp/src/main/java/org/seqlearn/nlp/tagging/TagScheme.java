package org.seqlearn.nlp.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * How entity chunks are written as one tag per token.
 *
 * <ul>
 *   <li>{@link #IOB1} (CoNLL-2003's original files): {@code I-X} inside a chunk; {@code B-X} only
 *       on the first token of a chunk that directly follows another chunk of type {@code X}.
 *   <li>{@link #BIO} (IOB2): {@code B-X} on every chunk's first token, {@code I-X} on the rest.
 *   <li>{@link #BIOES}: {@code S-X} for a one-token chunk, else {@code B-X}, {@code I-X}...,
 *       {@code E-X}.
 * </ul>
 *
 * <p>Reading tags ({@link #chunks}) is lenient the way conlleval is: an {@code I-X} after
 * {@code O} or after a chunk of another type starts a new chunk.
 */
public enum TagScheme {
  IOB1("BIO"),
  BIO("BIO"),
  BIOES("BIOES");

  private final String prefixes;

  TagScheme(String prefixes) {
    this.prefixes = prefixes;
  }

  /**
   * The chunks that {@code tags} written in this scheme encode.
   *
   * @throws IllegalArgumentException if a tag is not {@code O} or a prefix of this scheme, a
   *     {@code -} and a non-empty type
   */
  public List<Chunk> chunks(List<String> tags) {
    List<Chunk> chunks = new ArrayList<>();
    boolean singletons = this == BIOES;
    ChunkTag prev = ChunkTag.OUTSIDE;
    int open = -1;
    for (int i = 0; i < tags.size(); i++) {
      ChunkTag tag = check(tags.get(i), i);
      if (open >= 0 && (ChunkTag.endOfChunk(prev, tag, singletons)
          || ChunkTag.startOfChunk(prev, tag, singletons))) {
        chunks.add(new Chunk(prev.type(), open, i));
        open = -1;
      }
      if (ChunkTag.startOfChunk(prev, tag, singletons)) {
        open = i;
      }
      prev = tag;
    }
    if (open >= 0) {
      chunks.add(new Chunk(prev.type(), open, tags.size()));
    }
    return chunks;
  }

  private ChunkTag check(String tag, int index) {
    ChunkTag t = ChunkTag.parse(tag);
    boolean ok = tag.equals("O") || !t.type().isEmpty() && t.prefix().length() == 1
        && !t.is("O") && prefixes.indexOf(t.prefix().charAt(0)) >= 0;
    if (!ok) {
      throw new IllegalArgumentException("tag " + index + " '" + tag + "' is not a " + name()
          + " tag (expected O or one of " + String.join("-, ", prefixes.replace("O", "")
          .split("")) + "- followed by a type)");
    }
    return t;
  }

  /**
   * The tags of this scheme for {@code chunks} (sorted, non-overlapping) in a sentence of
   * {@code length} tokens; tokens outside every chunk get {@code O}.
   */
  public List<String> tags(List<Chunk> chunks, int length) {
    String[] tags = new String[length];
    java.util.Arrays.fill(tags, "O");
    Chunk previous = null;
    for (Chunk c : chunks) {
      if (c.end() > length || previous != null && c.start() < previous.end()) {
        throw new IllegalArgumentException("chunk [" + c.start() + ", " + c.end() + ") is out of "
            + "order, overlapping or past the sentence length " + length);
      }
      String type = c.type();
      for (int i = c.start(); i < c.end(); i++) {
        tags[i] = "I-" + type;
      }
      if (this == BIO || this == BIOES) {
        tags[c.start()] = "B-" + type;
      } else if (previous != null && previous.end() == c.start() && previous.type().equals(type)) {
        tags[c.start()] = "B-" + type;
      }
      if (this == BIOES) {
        tags[c.end() - 1] = c.length() == 1 ? "S-" + type : "E-" + type;
      }
      previous = c;
    }
    return List.of(tags);
  }

  /** {@code tags} written in this scheme, rewritten in {@code target}. */
  public List<String> convert(List<String> tags, TagScheme target) {
    return target.tags(chunks(tags), tags.size());
  }
}
