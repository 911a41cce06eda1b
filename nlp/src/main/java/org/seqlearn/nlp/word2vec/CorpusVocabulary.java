package org.seqlearn.nlp.word2vec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.seqlearn.nlp.text.CorpusScanner;
import org.seqlearn.nlp.text.CorpusTokenization;

/**
 * The vocabulary of a streamed corpus for word2vec and GloVe: the words seen at least {@code
 * minCount} times, by descending count (ties in code-point order), with their counts, and the
 * corpus totals. Id 0 is the most frequent word. Immutable; lookups are thread-safe.
 */
public final class CorpusVocabulary {

  /**
   * The largest share of a corpus's non-space characters the tokenisation may discard; more and
   * {@link #build} refuses the corpus.
   */
  public static final double MAX_DROPPED_FRACTION = 0.5;

  private final String[] words;
  private final long[] counts;
  private final long rawWords;
  private final long lines;
  private final WordTable table;

  private CorpusVocabulary(String[] words, long[] counts, long rawWords, long lines) {
    this.words = words;
    this.counts = counts;
    this.rawWords = rawWords;
    this.lines = lines;
    this.table = WordTable.of(words);
  }

  /**
   * Counts the tokens of {@code corpus} in one streamed pass and keeps those with {@code count >=
   * minCount}.
   *
   * @throws IllegalArgumentException if {@code minCount < 1}, or if the tokenisation discarded
   *     more than {@link #MAX_DROPPED_FRACTION} of the corpus's non-space characters
   */
  public static CorpusVocabulary build(Path corpus, CorpusTokenization tokenization, int minCount)
      throws IOException {
    return count(corpus, tokenization, minCount, null).vocabulary;
  }

  /**
   * {@link #build} that also writes the corpus to a token cache in the same pass, as provisional
   * ids (in order of first appearance; the vocabulary is only known at the end), and marks its
   * line ends for cutting it into {@code parts} regions of about equal numbers of tokens.
   */
  static Cached buildWithCache(Path corpus, CorpusTokenization tokenization, int minCount,
      Path cache, int parts) throws IOException {
    CacheRegions regions = new CacheRegions();
    Counted counted;
    long end;
    try (TokenCache.Writer writer = new TokenCache.Writer(cache, regions)) {
      counted = count(corpus, tokenization, minCount, writer);
      end = writer.position();
    }
    return new Cached(counted.vocabulary, new BatchReader.RegionCache(cache,
        regions.starts(parts, counted.vocabulary.rawWords(), end), counted.remap));
  }

  /** A vocabulary with the token cache written while counting it. */
  record Cached(CorpusVocabulary vocabulary, BatchReader.RegionCache regions) {}

  /** A vocabulary and the map from the counting pass's ids to its ids (-1: dropped). */
  private record Counted(CorpusVocabulary vocabulary, int[] remap) {}

  private static Counted count(Path corpus, CorpusTokenization tokenization, int minCount,
      TokenCache.Writer cache) throws IOException {
    if (minCount < 1) {
      throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
    }
    WordTable all = new WordTable(1 << 16);
    long[] totals = new long[2];
    CorpusScanner scanner = new CorpusScanner(tokenization);
    try {
      scanner.scan(corpus, new CorpusScanner.Sink() {
        @Override
        public void token(char[] buf, int offset, int length) {
          int id = all.add(buf, offset, length, 1);
          totals[0]++;
          if (cache != null) {
            cache.token(id);
          }
        }

        @Override
        public void endOfLine() {
          totals[1]++;
          if (cache != null) {
            cache.endOfLine();
          }
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    checkNotMostlyDropped(corpus, tokenization, scanner);
    List<Integer> kept = new ArrayList<>();
    for (int id = 0; id < all.size(); id++) {
      if (all.count(id) >= minCount) {
        kept.add(id);
      }
    }
    kept.sort((a, b) -> {
      int byCount = Long.compare(all.count(b), all.count(a));
      return byCount != 0 ? byCount : all.word(a).compareTo(all.word(b));
    });
    String[] words = new String[kept.size()];
    long[] counts = new long[kept.size()];
    int[] remap = new int[all.size()];
    Arrays.fill(remap, -1);
    for (int i = 0; i < words.length; i++) {
      words[i] = all.word(kept.get(i));
      counts[i] = all.count(kept.get(i));
      remap[kept.get(i)] = i;
    }
    return new Counted(new CorpusVocabulary(words, counts, totals[0], totals[1]), remap);
  }

  /**
   * Refuses a corpus of which the tokenisation discarded most of the non-space characters: with
   * {@code TEXT8}, a corpus of ids such as {@code w0 ... w19999}, of numbers or of a language not
   * written in a-z would otherwise silently become a handful of words.
   */
  private static void checkNotMostlyDropped(Path corpus, CorpusTokenization tokenization,
      CorpusScanner scanner) {
    if (scanner.droppedFraction() > MAX_DROPPED_FRACTION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s tokenizer dropped "
          + "%.0f%% of the non-space characters of %s (%,d of %,d: it keeps only runs of a-z); "
          + "tokenize this corpus with WHITESPACE (--tokenizer whitespace)", tokenization,
          100 * scanner.droppedFraction(), corpus, scanner.droppedCharacters(),
          scanner.droppedCharacters() + scanner.tokenCharacters()));
    }
  }

  /**
   * A vocabulary from explicit words and counts (for tests and tools).
   *
   * @param words distinct words, by descending count
   * @param counts {@code [V]} positive counts, non-increasing
   * @param rawWords all tokens of the corpus, at least the sum of {@code counts}
   */
  public static CorpusVocabulary of(List<String> words, long[] counts, long rawWords) {
    if (words.size() != counts.length) {
      throw new IllegalArgumentException("expected " + words.size() + " counts, got "
          + counts.length);
    }
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 1 || (i > 0 && counts[i] > counts[i - 1])) {
        throw new IllegalArgumentException("counts must be positive and non-increasing; count #"
            + i + " is " + counts[i]);
      }
      sum += counts[i];
    }
    if (rawWords < sum) {
      throw new IllegalArgumentException("rawWords must be >= the sum of counts " + sum + ", got "
          + rawWords);
    }
    if (WordTable.of(words.toArray(new String[0])).size() != words.size()) {
      throw new IllegalArgumentException("words must be distinct");
    }
    return new CorpusVocabulary(words.toArray(new String[0]), counts.clone(), rawWords, 0);
  }

  /** The number of words {@code V}. */
  public int size() {
    return words.length;
  }

  /** The word with id {@code id} (0 = most frequent). */
  public String word(int id) {
    return words[id];
  }

  /** All words in id order (unmodifiable). */
  public List<String> words() {
    return Collections.unmodifiableList(Arrays.asList(words));
  }

  /** The corpus count of word {@code id}. */
  public long count(int id) {
    return counts[id];
  }

  /** A copy of all counts, {@code [V]}. */
  public long[] counts() {
    return counts.clone();
  }

  /** The id of {@code word}, or -1 when it is not in the vocabulary. */
  public int id(String word) {
    char[] c = word.toCharArray();
    return table.find(c, 0, c.length);
  }

  /** The id of the word {@code buf[offset .. offset + length)}, or -1; allocation-free. */
  public int id(char[] buf, int offset, int length) {
    return table.find(buf, offset, length);
  }

  /** Tokens in the corpus, in or out of the vocabulary. */
  public long rawWords() {
    return rawWords;
  }

  /** Tokens of the corpus that are in the vocabulary: the sum of the counts. */
  public long retainedWords() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  /** Lines of the corpus (0 when built with {@link #of}). */
  public long lines() {
    return lines;
  }
}
