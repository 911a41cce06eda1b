package org.seqlearn.nlp.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.seqlearn.core.IntTensor;
import org.seqlearn.nlp.text.Vocabulary;
import org.seqlearn.nlp.text.VocabularyBuilder;

/**
 * Turns tagged sentences into {@link TaggerBatch}es: word ids from a word vocabulary (cased;
 * {@code <pad>} = 0, {@code <unk>} = 1), character ids per Unicode code point from a character
 * vocabulary (same specials; words longer than {@code maxWordChars} code points are cut), and tag
 * ids ({@code O} first if present, then the other tags in code-point order).
 */
public final class TaggerEncoder {

  private static final List<String> SPECIALS = List.of(Vocabulary.PAD, Vocabulary.UNK);

  private final Vocabulary words;
  private final Vocabulary chars;
  private final List<String> tags;
  private final Map<String, Integer> tagIds = new HashMap<>();
  private final int maxWordChars;

  /**
   * @param words word vocabulary with {@code <pad>} = 0
   * @param chars character vocabulary with {@code <pad>} = 0
   * @param tags the tag of each tag id
   * @param maxWordChars longest word, in code points, that the character features see whole
   */
  public TaggerEncoder(Vocabulary words, Vocabulary chars, List<String> tags, int maxWordChars) {
    if (words.specialId(Vocabulary.PAD) != 0 || chars.specialId(Vocabulary.PAD) != 0) {
      throw new IllegalArgumentException("tagger encoder: both vocabularies need <pad> = 0");
    }
    if (maxWordChars < 1 || tags.isEmpty()) {
      throw new IllegalArgumentException("tagger encoder: expected maxWordChars >= 1 and at "
          + "least one tag, got " + maxWordChars + " and " + tags.size() + " tags");
    }
    this.words = words;
    this.chars = chars;
    this.tags = List.copyOf(tags);
    for (int i = 0; i < tags.size(); i++) {
      if (tagIds.putIfAbsent(tags.get(i), i) != null) {
        throw new IllegalArgumentException("tagger encoder: duplicate tag '" + tags.get(i) + "'");
      }
    }
    this.maxWordChars = maxWordChars;
  }

  /** Builds the vocabularies and tag set of {@code train}; rarer words than minCount are unknown. */
  public static TaggerEncoder fit(List<TaggedSentence> train, long minCount, int maxWordChars) {
    VocabularyBuilder w = Vocabulary.builder().specials(SPECIALS, Vocabulary.UNK)
        .minCount(minCount);
    VocabularyBuilder c = Vocabulary.builder().specials(SPECIALS, Vocabulary.UNK);
    TreeSet<String> tagSet = new TreeSet<>(VocabularyBuilder::compareCodePoints);
    for (TaggedSentence s : train) {
      w.add(s.tokens());
      for (String token : s.tokens()) {
        c.add(codePoints(token));
      }
      tagSet.addAll(s.tags());
    }
    List<String> tags = new ArrayList<>();
    if (tagSet.remove("O")) {
      tags.add("O");
    }
    tags.addAll(tagSet);
    return new TaggerEncoder(w.build(), c.build(), tags, maxWordChars);
  }

  private static List<String> codePoints(String token) {
    return token.codePoints().mapToObj(Character::toString).toList();
  }

  /** The word vocabulary. */
  public Vocabulary words() {
    return words;
  }

  /** The character vocabulary. */
  public Vocabulary chars() {
    return chars;
  }

  /** The longest word, in code points, that the character features see whole. */
  public int maxWordChars() {
    return maxWordChars;
  }

  /** The tag of each tag id. */
  public List<String> tags() {
    return tags;
  }

  /**
   * A batch of {@code sentences} padded to the longest one, with their gold tags if {@code
   * withTags}.
   *
   * @throws IllegalArgumentException on an empty list or (with tags) a tag not in {@link #tags()}
   */
  public TaggerBatch encode(List<TaggedSentence> sentences, boolean withTags) {
    if (sentences.isEmpty()) {
      throw new IllegalArgumentException("tagger encoder: no sentences to encode");
    }
    int batch = sentences.size();
    int time = 0;
    int width = 1;
    for (TaggedSentence s : sentences) {
      time = Math.max(time, s.size());
      for (String token : s.tokens()) {
        width = Math.max(width, Math.min(maxWordChars, token.codePointCount(0, token.length())));
      }
    }
    int[] wordIds = new int[batch * time];
    int[] charIds = new int[batch * time * width];
    int[] tagIdsOut = new int[batch * time];
    int[] lengths = new int[batch];
    for (int b = 0; b < batch; b++) {
      TaggedSentence s = sentences.get(b);
      lengths[b] = s.size();
      for (int t = 0; t < s.size(); t++) {
        int i = b * time + t;
        String token = s.tokens().get(t);
        wordIds[i] = words.id(token);
        int[] cps = token.codePoints().limit(width).toArray();
        for (int k = 0; k < cps.length; k++) {
          charIds[i * width + k] = chars.id(Character.toString(cps[k]));
        }
        if (withTags) {
          Integer tag = tagIds.get(s.tags().get(t));
          if (tag == null) {
            throw new IllegalArgumentException("tagger encoder: sentence " + b + " (line "
                + s.firstLine() + ") has tag '" + s.tags().get(t) + "', expected one of " + tags);
          }
          tagIdsOut[i] = tag;
        }
      }
    }
    return new TaggerBatch(IntTensor.of(wordIds, batch, time),
        IntTensor.of(charIds, batch, time, width), lengths,
        withTags ? IntTensor.of(tagIdsOut, batch, time) : null);
  }

  /** The tag names of tag ids. */
  public List<String> tagNames(int[] ids) {
    List<String> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(tags.get(id));
    }
    return out;
  }
}
