package org.seqlearn.nlp.tagging;

/**
 * A tag split the way conlleval splits it: the prefix before the first {@code -} and the entity
 * type after it ({@code B-PER} → {@code B}, {@code PER}); a tag without {@code -} is all prefix
 * with an empty type ({@code O} → {@code O}, {@code ""}).
 *
 * @param prefix the chunk prefix ({@code B}, {@code I}, {@code O}, {@code E}, {@code S}, ...)
 * @param type the entity type, possibly empty
 */
record ChunkTag(String prefix, String type) {

  static final ChunkTag OUTSIDE = new ChunkTag("O", "");

  static ChunkTag parse(String tag) {
    int dash = tag.indexOf('-');
    return dash < 0 ? new ChunkTag(tag, "") : new ChunkTag(tag.substring(0, dash),
        tag.substring(dash + 1));
  }

  boolean is(String p) {
    return prefix.equals(p);
  }

  /**
   * conlleval's {@code startOfChunk}: whether a chunk starts at {@code tag} after {@code prev}.
   * With {@code singletons}, an {@code S} tag also starts a chunk (conlleval itself predates
   * BIOES and does not know {@code S}).
   */
  static boolean startOfChunk(ChunkTag prev, ChunkTag tag, boolean singletons) {
    String p = prev.prefix;
    String t = tag.prefix;
    boolean start = t.equals("B") && (p.equals("B") || p.equals("I") || p.equals("O"))
        || p.equals("O") && (t.equals("I") || t.equals("E"))
        || p.equals("E") && (t.equals("E") || t.equals("I"))
        || !t.equals("O") && !t.equals(".") && !prev.type.equals(tag.type)
        || t.equals("[") || t.equals("]");
    if (singletons) {
      start |= t.equals("S") || t.equals("B") || (p.equals("S") && !t.equals("O"));
    }
    return start;
  }

  /**
   * conlleval's {@code endOfChunk}: whether the chunk open at {@code prev} ends before {@code
   * tag}. With {@code singletons}, a chunk also ends after an {@code S} tag and before a {@code
   * B} or {@code S} tag.
   */
  static boolean endOfChunk(ChunkTag prev, ChunkTag tag, boolean singletons) {
    String p = prev.prefix;
    String t = tag.prefix;
    boolean end = (p.equals("B") || p.equals("I")) && (t.equals("B") || t.equals("O"))
        || p.equals("E") && (t.equals("E") || t.equals("I") || t.equals("O"))
        || !p.equals("O") && !p.equals(".") && !prev.type.equals(tag.type)
        || p.equals("]") || p.equals("[");
    if (singletons) {
      end |= p.equals("S") || p.equals("E") || t.equals("B") || t.equals("S");
      end &= !p.equals("O");
    }
    return end;
  }
}
